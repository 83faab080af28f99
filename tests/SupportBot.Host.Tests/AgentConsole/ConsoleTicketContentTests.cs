using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Routing;
using SupportBot.Testing;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>What the console shows of a ticket, through the real host: screenshots kept on disk and served as the
/// type their bytes show (refused files named to the user and never written), and the dashboard's numbers.</summary>
public sealed class ConsoleTicketContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScreenshotIsKeptAndServedOnlyUnderItsTicketWhileOversizeAndFakeImagesAreRefused()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Attachments:MaxBytes"] = "1048576",
        });
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("shots-user");
        var other = await host.OpenTicketAsync("someone-else");
        using var client = await host.SignedInClientAsync("alice", password);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/agent/api/tickets/{number}/claim", new { }, Ct)).StatusCode);

        var png = TestConversation.Png("ok.png");
        var huge = new byte[1048577];
        png.Content.Span.CopyTo(huge);
        var fake = "this is not an image"u8.ToArray();
        var result = await host.Host.Get<ConversationRouter>().HandleAsync(
            new InboundActivity
            {
                Conversation = new ConversationKey(RecordingChannelClient.Name, "shots-user"),
                UserId = "shots-user",
                MessageId = "shots-1",
                Text = "",
                Timestamp = DateTimeOffset.UtcNow,
                Attachments =
                [
                    png,
                    new Attachment("huge.png", "image/png", huge.Length) { Content = huge },
                    new Attachment("fake.png", "image/png", fake.Length) { Content = fake },
                ],
            },
            Ct);

        Assert.Contains(result.Replies, r => r.Text.Contains("\"huge.png\"", StringComparison.Ordinal) && r.Text.Contains("1 MB", StringComparison.Ordinal));
        Assert.Contains(result.Replies, r => r.Text.Contains("\"fake.png\"", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Replies, r => r.Text.Contains("ok.png", StringComparison.Ordinal));
        var view = await client.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}", Ct);
        var kept = Assert.Single(view.GetProperty("attachments").EnumerateArray());
        Assert.Equal("ok.png", kept.GetProperty("fileName").GetString());
        Assert.Equal("image/png", kept.GetProperty("contentType").GetString());
        Assert.Single(Directory.GetFiles(Path.Combine(host.Host.DataFolder, "attachments")));

        var served = await client.GetAsync(kept.GetProperty("url").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png.Content.ToArray(), await served.Content.ReadAsByteArrayAsync(Ct));

        var id = kept.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agent/api/tickets/{other}/attachments/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agent/api/tickets/{number}/attachments/..%2Fsupportbot.db", Ct)).StatusCode);
    }

    [Fact]
    public async Task CannedRepliesAreInTheTicketsLanguageWithTitlesInTheAgents()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        await host.SayAsync("zh-user", "你好");
        var number = (await host.SayAsync("zh-user", "人工客服")).TicketNumber!.Value;
        using var client = await host.SignedInClientAsync("alice", password);
        var catalog = host.Host.Get<SupportBot.Core.Catalog.DialogCatalog>();

        var view = await client.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}?lang=en", Ct);

        Assert.Equal("zh-CN", view.GetProperty("locale").GetString());
        var canned = view.GetProperty("canned").EnumerateArray().ToList();
        Assert.Equal(catalog.CannedReplies.Count, canned.Count);
        Assert.NotEmpty(canned);
        for (var i = 0; i < canned.Count; i++)
        {
            Assert.Equal(catalog.CannedReplies[i].Title.Get("en"), canned[i].GetProperty("title").GetString());
            Assert.Equal(catalog.CannedReplies[i].Text.Get("zh-CN"), canned[i].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task DashboardGivesTheMedianFirstResponseAndAverageRatingPerDay()
    {
        // Noon today (UTC): the tickets below stay on one day, and the session cookie is valid on the real clock.
        var time = new ManualTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero));
        await using var host = await ConsoleHost.StartAsync(
            configure: builder => builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var client = await host.SignedInClientAsync("alice", password);

        var first = await host.OpenTicketAsync("dash-a");
        time.Advance(TimeSpan.FromMinutes(10));
        var second = await host.OpenTicketAsync("dash-b");
        await ReplyAsync(client, first);
        time.Advance(TimeSpan.FromMinutes(20));
        await ReplyAsync(client, second);
        foreach (var (number, user, rating) in new[] { (first, "dash-a", "4"), (second, "dash-b", "2") })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/agent/api/tickets/{number}/status", new { value = "resolved" }, Ct)).StatusCode);
            await host.SayAsync(user, rating);
        }

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/agent/api/dashboard", Ct);

        // First responses after 10 and 20 minutes; ratings 4 and 2.
        Assert.Equal(15, dashboard.GetProperty("medianFirstResponseMinutes").GetDouble());
        var response = Assert.Single(dashboard.GetProperty("firstResponseByDay").EnumerateArray());
        Assert.Equal((15.0, 2), (response.GetProperty("value").GetDouble(), response.GetProperty("count").GetInt32()));
        var csat = Assert.Single(dashboard.GetProperty("csatByDay").EnumerateArray());
        Assert.Equal((3.0, 2), (csat.GetProperty("value").GetDouble(), csat.GetProperty("count").GetInt32()));
        Assert.Equal(time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), csat.GetProperty("day").GetString());
        Assert.Equal(0, dashboard.GetProperty("openByPriority").EnumerateArray().Sum(p => p.GetProperty("count").GetInt32()));
    }

    private static async Task ReplyAsync(HttpClient client, long number) =>
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsJsonAsync($"/agent/api/tickets/{number}/reply", new { text = "Looking into it now.", lang = "en" }, Ct)).StatusCode);
}
