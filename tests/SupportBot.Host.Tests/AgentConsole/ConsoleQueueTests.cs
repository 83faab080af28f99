using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Routing;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The console's queue through the real host: each filter (status, priority, channel, category,
/// mine/unassigned) selects exactly its tickets, urgent ones come first, and a bad filter is named.</summary>
public sealed class ConsoleQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachFilterSelectsExactlyItsTicketsWithUrgentOnTop()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, alicePassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        using var alice = await host.SignedInClientAsync("alice", alicePassword);
        using var bob = await host.SignedInClientAsync("bob", bobPassword);

        var plain = await host.OpenTicketAsync("q-plain");
        await host.SayAsync("q-deposit", "my deposit has not arrived");
        var deposit = (await host.SayAsync("q-deposit", "talk to a human")).TicketNumber!.Value;
        var urgent = await host.OpenTicketAsync("q-urgent");
        var mine = await host.OpenTicketAsync("q-mine");
        var bobs = await host.OpenTicketAsync("q-bobs");
        var console = await OpenOnConsoleAsync(host, "q-console");
        await PostAsync(alice, $"/agent/api/tickets/{urgent}/priority", new { value = "urgent" });
        await PostAsync(alice, $"/agent/api/tickets/{mine}/claim", new { });
        await PostAsync(bob, $"/agent/api/tickets/{bobs}/claim", new { });

        Assert.Equal([urgent, deposit, plain, mine, bobs, console], await NumbersAsync(alice, ""));
        Assert.Equal([urgent, deposit, plain, console], await NumbersAsync(alice, "status=new"));
        Assert.Equal([mine, bobs], await NumbersAsync(alice, "status=assigned,waiting_on_user"));
        Assert.Equal([deposit], await NumbersAsync(alice, "priority=high"));
        Assert.Equal([urgent], await NumbersAsync(alice, "priority=urgent"));
        Assert.Equal([console], await NumbersAsync(alice, "channel=console"));
        Assert.Equal([deposit], await NumbersAsync(alice, "category=deposit"));
        Assert.Equal([mine], await NumbersAsync(alice, "scope=mine"));
        Assert.Equal([bobs], await NumbersAsync(bob, "scope=mine"));
        Assert.Equal([urgent, deposit, plain, console], await NumbersAsync(alice, "scope=unassigned"));
        Assert.Equal([deposit], await NumbersAsync(alice, "status=new&category=deposit&scope=unassigned"));

        foreach (var (filter, says) in new[] { ("status=open", "Unknown status 'open'"), ("priority=p1", "Unknown priority 'p1'"), ("scope=team", "Unknown scope 'team'") })
        {
            var response = await alice.GetAsync("/agent/api/tickets?" + filter, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(says, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task<long> OpenOnConsoleAsync(ConsoleHost host, string user)
    {
        var router = host.Host.Get<ConversationRouter>();
        RouteResult result = default!;
        foreach (var text in new[] { "hello", "talk to a human" })
        {
            result = await router.HandleAsync(
                new InboundActivity
                {
                    Conversation = new ConversationKey("console", user),
                    UserId = user,
                    Text = text,
                    Locale = "en",
                    Timestamp = DateTimeOffset.UtcNow,
                },
                Ct);
        }

        return result.TicketNumber!.Value;
    }

    private static async Task PostAsync(HttpClient client, string path, object body) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(path, body, Ct)).StatusCode);

    private static async Task<long[]> NumbersAsync(HttpClient client, string filter)
    {
        var tickets = await client.GetFromJsonAsync<JsonElement>("/agent/api/tickets?" + filter, Ct);
        return [.. tickets.EnumerateArray().Select(t => t.GetProperty("number").GetInt64())];
    }
}
