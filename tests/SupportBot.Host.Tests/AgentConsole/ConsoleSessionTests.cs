using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Core.Agents;
using SupportBot.Core.Handoff;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>Console sessions end server-side (issue 11, finding 7): a copy of the cookies and CSRF token taken while
/// signed in (what an attacker replays) is refused after sign-out, a password change, a reset (console and command
/// line) and a deactivation. One-time passwords force a new password and cannot be used twice.</summary>
public sealed partial class ConsoleSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignOutEndsTheSessionForACopiedCookie()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("replay-user");
        var (client, cookies, csrf) = await SignInAsync(host, "alice", password);
        using var replay = Replay(host, cookies, csrf);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/agent/api/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/agent/api/signout", new { }, Ct)).StatusCode);

        await AssertRefusedAsync(host, replay, number);
        client.Dispose();
    }

    [Fact]
    public async Task PasswordChangeEndsOtherSessionsAndKeepsThePageSignedIn()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("change-user");
        var (client, cookies, csrf) = await SignInAsync(host, "alice", password);
        using var replay = Replay(host, cookies, csrf);

        var changed = await client.PostAsJsonAsync("/agent/api/password", new { current = password, @new = "a brand new passphrase" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var me = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", me.GetProperty("csrf").GetString());

        await AssertRefusedAsync(host, replay, number);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agent/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/agent/api/tickets/{number}/notes", new { text = "still here" }, Ct)).StatusCode);
        using var fresh = host.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password = "a brand new passphrase" }, Ct)).StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task ResetFromTheConsoleEndsTheSessionsAndForcesANewPassword()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, adminPassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var number = await host.OpenTicketAsync("reset-user");
        using var admin = await host.SignedInClientAsync("alice", adminPassword);
        var (bob, cookies, csrf) = await SignInAsync(host, "bob", bobPassword);
        using var replay = Replay(host, cookies, csrf);

        var reset = await admin.PostAsJsonAsync("/agent/api/agents/bob/reset-password", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = (await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("password").GetString()!;

        await AssertRefusedAsync(host, replay, number);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bob.GetAsync("/agent/api/me", Ct)).StatusCode);
        await AssertOneTimePasswordForcesAChangeAsync(host, "bob", oneTime, number);
        bob.Dispose();
    }

    [Fact]
    public async Task AnAgentCannotResetOrDeactivateOthers()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        using var bob = await host.SignedInClientAsync("bob", bobPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostAsJsonAsync("/agent/api/agents/alice/reset-password", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostAsJsonAsync("/agent/api/agents/alice/deactivate", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("/agent/api/agents", Ct)).StatusCode);
        Assert.True((await host.Host.Get<IAgentStore>().FindAgentByNameAsync("alice", Ct))!.Active);
    }

    [Fact]
    public async Task DeactivationFromTheConsoleEndsTheSessions()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, adminPassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var number = await host.OpenTicketAsync("deactivate-user");
        using var admin = await host.SignedInClientAsync("alice", adminPassword);
        var (bob, cookies, csrf) = await SignInAsync(host, "bob", bobPassword);
        using var replay = Replay(host, cookies, csrf);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/agent/api/agents/bob/deactivate", new { }, Ct)).StatusCode);
        await AssertRefusedAsync(host, replay, number);

        // Reactivating the account does not bring the old session back.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/agent/api/agents/bob/activate", new { }, Ct)).StatusCode);
        await AssertRefusedAsync(host, replay, number);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bob.GetAsync("/agent/api/me", Ct)).StatusCode);
        bob.Dispose();
    }

    [Fact]
    public async Task CommandLineResetAndDeactivateEndTheRunningHostsSessions()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var (_, carolPassword) = await host.AddAgentAsync("carol");
        var number = await host.OpenTicketAsync("cli-user");
        var (bob, bobCookies, bobCsrf) = await SignInAsync(host, "bob", bobPassword);
        var (carol, carolCookies, carolCsrf) = await SignInAsync(host, "carol", carolPassword);
        using var bobReplay = Replay(host, bobCookies, bobCsrf);
        using var carolReplay = Replay(host, carolCookies, carolCsrf);
        var database = Path.Combine(host.Host.DataFolder, "supportbot.db");

        var reset = await CliAsync(database, "agent", "reset-password", "--name", "bob");
        var deactivate = await CliAsync(database, "agent", "deactivate", "--name", "carol");

        Assert.True(reset.ExitCode == 0, reset.Stderr);
        Assert.True(deactivate.ExitCode == 0, deactivate.Stderr);
        await AssertRefusedAsync(host, bobReplay, number);
        await AssertRefusedAsync(host, carolReplay, number);
        var oneTime = NewPasswordLine().Match(reset.Stdout).Groups[1].Value;
        await AssertOneTimePasswordForcesAChangeAsync(host, "bob", oneTime, number);
        bob.Dispose();
        carol.Dispose();
    }

    [Fact]
    public async Task FailedSignInsAreThrottledPerNameAndPerAddressButSuccessesAreNot()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["AgentConsole:SignInAttemptsPerMinute"] = "3",
            ["AgentConsole:SignInAttemptsPerMinutePerAddress"] = "5",
        });
        var (_, alicePassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var (_, carolPassword) = await host.AddAgentAsync("carol");
        using var client = host.NewClient();

        // Many colleagues behind one proxy address signing in successfully use up nothing.
        for (var i = 0; i < 12; i++)
        {
            var ok = await client.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password = alicePassword }, Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // Three failures for bob lock bob's name, not carol.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/agent/api/signin", new { name = "bob", password = "guess" + i }, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/agent/api/signin", new { name = "bob", password = bobPassword }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/agent/api/signin", new { name = "carol", password = carolPassword }, Ct)).StatusCode);

        // Two more failures (other names) reach the address's limit of five: now every name from it waits.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/agent/api/signin", new { name = "x1", password = "guess" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/agent/api/signin", new { name = "x2", password = "guess" }, Ct)).StatusCode);
        var limited = await client.PostAsJsonAsync("/agent/api/signin", new { name = "carol", password = carolPassword }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task BehindATrustedTlsProxyCookiesAreSecureAndTheClientAddressIsThrottled()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["AgentConsole:TrustedProxies:0"] = "127.0.0.1",
            ["AgentConsole:SignInAttemptsPerMinute"] = "100",
            ["AgentConsole:SignInAttemptsPerMinutePerAddress"] = "2",
        });
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var client = host.NewClient();

        var request = new HttpRequestMessage(HttpMethod.Post, "/agent/api/signin") { Content = JsonContent.Create(new { name = "alice", password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".SupportBot.Agent=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // Plain HTTP straight to the host (no proxy header): not marked Secure.
        using var direct = host.NewClient();
        var plain = await direct.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password }, Ct);
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Failures are counted against the forwarded client address, not the proxy's.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInViaAsync(client, "203.0.113.9", "nope")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInViaAsync(client, "203.0.113.9", password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInViaAsync(client, "203.0.113.10", password)).StatusCode);
    }

    [Fact]
    public async Task AnUnparsableTrustedProxyStopsStartUpNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["AgentConsole:TrustedProxies:0"] = "proxy.example",
        }));
        Assert.Contains("AgentConsole:TrustedProxies:0", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInViaAsync(HttpClient client, string forwardedFor, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/agent/api/signin") { Content = JsonContent.Create(new { name = "alice", password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request, Ct);
    }

    internal static async Task AssertOneTimePasswordForcesAChangeAsync(ConsoleHost host, string name, string oneTime, long number)
    {
        var (client, _, _) = await SignInAsync(host, name, oneTime);
        var me = await client.GetFromJsonAsync<JsonElement>("/agent/api/me", Ct);
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        var blocked = await client.GetAsync("/agent/api/tickets", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.True((await blocked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/agent/api/tickets/{number}/notes", new { text = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/agent/events", Ct)).StatusCode);
        var tooShort = await client.PostAsJsonAsync("/agent/api/password", new { current = oneTime, @new = "short" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);

        var changed = await client.PostAsJsonAsync("/agent/api/password", new { current = oneTime, @new = "correct horse battery" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False((await changed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agent/api/tickets", Ct)).StatusCode);

        // The one-time password is spent.
        using var again = host.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsJsonAsync("/agent/api/signin", new { name, password = oneTime }, Ct)).StatusCode);
        client.Dispose();
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> CliAsync(string database, params string[] args) =>
        await HostProcess.RunAsync(
            Path.GetDirectoryName(database)!,
            [],
            [.. args, "--", "--environment=Testing", "--AgentConsole:PasswordIterations=1000", "--Storage:Sqlite:Path=" + database]);

    private static async Task<(HttpClient Client, CookieContainer Cookies, string Csrf)> SignInAsync(ConsoleHost host, string name, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = host.Address,
        };
        var response = await client.PostAsJsonAsync("/agent/api/signin", new { name, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csrf = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("csrf").GetString()!;
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", csrf);
        return (client, cookies, csrf);
    }

    // A second client holding a copy of the session's cookies and CSRF token, as a thief would.
    private static HttpClient Replay(ConsoleHost host, CookieContainer original, string csrf)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in original.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var client = new HttpClient(new HttpClientHandler { CookieContainer = copy, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = host.Address,
        };
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", csrf);
        return client;
    }

    private static async Task AssertRefusedAsync(ConsoleHost host, HttpClient replay, long number)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/agent/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/agent/api/tickets", Ct)).StatusCode);
        var note = await replay.PostAsJsonAsync($"/agent/api/tickets/{number}/notes", new { text = "replayed note" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, note.StatusCode);
        var view = await host.Host.Get<TicketDesk>().GetAsync(number, Ct);
        Assert.DoesNotContain(view!.Notes, n => n.Text == "replayed note");
    }

    [GeneratedRegex(@"New password for \S+: (\S+)")]
    private static partial Regex NewPasswordLine();
}
