using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Core.Agents;
using SupportBot.Core.Storage;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The console's HTTP surface through the real host: the admin gate, sign-in, the throttle, CSRF, auth on
/// every endpoint, headers.</summary>
public sealed class ConsoleHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAnAdminTheConsoleSaysHowToCreateOneAndTheBotKeepsRunning()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = host.NewClient();

        var page = await client.GetAsync("/agent/", Ct);
        var api = await client.PostAsJsonAsync("/agent/api/signin", new { name = "root", password = "x" }, Ct);
        var health = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("agent add --name NAME --role admin", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("--role admin", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // An admin made while the host runs opens the console without a restart.
        await host.AddAgentAsync("root", AgentRole.Admin);
        var opened = await client.GetAsync("/agent/", Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.OK, opened.StatusCode + " " + opened.Headers.Location);
    }

    [Fact]
    public async Task RightPasswordSignsInWithAStrictHttpOnlyCookieAndWrongOneIsRefused()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var client = host.NewClient();

        var wrong = await client.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password = "nope" }, Ct);
        var unknown = await client.PostAsJsonAsync("/agent/api/signin", new { name = "mallory", password }, Ct);
        var right = await client.PostAsJsonAsync("/agent/api/signin", new { name = "ALICE", password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadAsStringAsync(Ct)),
            (await unknown.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".SupportBot.Agent=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await right.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("alice", me.GetProperty("name").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.DoesNotContain(password, await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agent/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agent/api/tickets", Ct)).StatusCode);
    }

    [Fact]
    public async Task TooManySignInAttemptsAreAnswered429WithRetryAfter()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["AgentConsole:SignInAttemptsPerMinute"] = "3" });
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var client = host.NewClient();

        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password = "guess" + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Another name from the same address has its own allowance.
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var bob = await client.PostAsJsonAsync("/agent/api/signin", new { name = "bob", password = bobPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
    }

    [Fact]
    public async Task StateChangingRequestWithoutCsrfTokenIsRefused()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("csrf-user");
        using var client = await host.SignedInClientAsync("alice", password);
        using var withoutToken = host.NewClient();
        // Same session cookie, no token header.
        var signIn = await withoutToken.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var refused = await withoutToken.PostAsJsonAsync($"/agent/api/tickets/{number}/claim", new { }, Ct);
        var forged = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/tickets/{number}/notes")
        {
            Content = JsonContent.Create(new { text = "forged" }),
        };
        forged.Headers.Add("X-CSRF-TOKEN", "not-a-token");
        var forgedResponse = await withoutToken.SendAsync(forged, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("CSRF", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        var ticket = await host.Host.Get<ITicketStore>().GetTicketAsync(number, Ct);
        Assert.Null(ticket!.AssigneeId);

        var claimed = await client.PostAsJsonAsync($"/agent/api/tickets/{number}/claim", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("alice", (await host.Host.Get<ITicketStore>().GetTicketAsync(number, Ct))!.AssigneeName);
    }

    [Fact]
    public async Task EveryConsoleEndpointRequiresSignIn()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("auth-user");
        using var client = host.NewClient();

        string[] gets =
        [
            "/agent/api/me", "/agent/api/tickets", $"/agent/api/tickets/{number}", "/agent/api/dashboard",
            $"/agent/api/tickets/{number}/attachments/any", "/agent/events",
        ];
        string[] posts = ["claim", "reply", "notes", "status", "priority"];
        foreach (var path in gets)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path, Ct)).StatusCode);
        }

        foreach (var action in posts)
        {
            var response = await client.PostAsJsonAsync($"/agent/api/tickets/{number}/{action}", new { text = "hi", value = "closed" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/agent/api/signout", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ConsolePagesCarryAStrictContentSecurityPolicy()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("alice", AgentRole.Admin);
        using var client = host.NewClient();

        foreach (var path in new[] { "/agent/", "/agent/app.js", "/agent/app.css" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var html = await client.GetStringAsync("/agent/", Ct);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public async Task SecondAgentsClaimIsRefusedWithWhoHasIt()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, alicePassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var number = await host.OpenTicketAsync("race-user");
        using var alice = await host.SignedInClientAsync("alice", alicePassword);
        using var bob = await host.SignedInClientAsync("bob", bobPassword);

        var both = await Task.WhenAll(
            alice.PostAsJsonAsync($"/agent/api/tickets/{number}/claim", new { }, Ct),
            bob.PostAsJsonAsync($"/agent/api/tickets/{number}/claim", new { }, Ct));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(both, r => r.StatusCode == HttpStatusCode.Conflict);
        var winner = (await host.Host.Get<ITicketStore>().GetTicketAsync(number, Ct))!.AssigneeName;
        var body = await loser.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(winner, body.GetProperty("claimedBy").GetString());
        Assert.Contains("already claimed by " + winner, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedReplyExplainsWhyInTheAgentsLanguage()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("blocked-user");
        using var client = await host.SignedInClientAsync("alice", password);
        var catalog = host.Host.Get<SupportBot.Core.Catalog.DialogCatalog>();

        var en = await client.PostAsJsonAsync($"/agent/api/tickets/{number}/reply", new { text = "Please send me your private key", lang = "en" }, Ct);
        var zh = await client.PostAsJsonAsync($"/agent/api/tickets/{number}/reply", new { text = "Please send me your private key", lang = "zh-CN" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, en.StatusCode);
        var key = SupportBot.Core.Catalog.TextKeys.OutboundBlocked(SupportBot.Core.Safety.SecretKind.PrivateKey);
        Assert.Equal(catalog.Text(key).Get("en"), (await en.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
        Assert.Equal(catalog.Text(key).Get("zh-CN"), (await zh.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task DashboardCountsOpenTicketsByPriority()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        await host.OpenTicketAsync("dash-user");
        using var client = await host.SignedInClientAsync("alice", password);

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/agent/api/dashboard", Ct);

        var open = dashboard.GetProperty("openByPriority").EnumerateArray().Sum(p => p.GetProperty("count").GetInt32());
        Assert.Equal(1, open);
        Assert.Equal(4, dashboard.GetProperty("openByPriority").GetArrayLength());
    }
}
