using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Handoff;
using SupportBot.Core.Routing;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Host.Handoff;
using SupportBot.Testing;
using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.Handoff;

/// <summary>The real host closes resolved tickets once the reopen window has passed (clock moved by hand), through
/// the desk, so the user is told and the history says who.</summary>
public sealed class ResolvedTicketCloserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AResolvedTicketIsClosedAfterTheReopenWindowAndNotBefore()
    {
        var time = new ManualTimeProvider();
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Support:ReopenWindow"] = "2.00:00:00" },
            builder => builder.Services.AddSingleton<TimeProvider>(time),
            Ct);
        var router = host.Get<ConversationRouter>();
        var key = new ConversationKey("test", "closer-user");
        long? number = null;
        var step = 0;
        foreach (var text in new[] { "hello", "human" })
        {
            var result = await router.HandleAsync(
                new InboundActivity { Conversation = key, UserId = "closer-user", MessageId = "m" + ++step, Text = text, Timestamp = time.GetUtcNow() },
                Ct);
            number ??= result.TicketNumber;
        }

        Assert.NotNull(number);
        var agent = await host.Get<IAgentStore>().CreateAgentAsync(
            new NewAgent("gina", AgentRole.Agent, "SB-GINA01", "hash", time.GetUtcNow()), Ct);
        var desk = host.Get<TicketDesk>();
        Assert.True((await desk.SetStatusAsync(number.Value, DeskActor.For(agent), TicketStatus.Resolved, Ct)).Succeeded);
        var closer = host.Services.GetServices<IHostedService>().OfType<ResolvedTicketCloser>().Single();

        // The loop would run on each clock move as well and race this test's own calls; stop it so each call below
        // is the only one that looks.
        await closer.StopAsync(Ct);

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await closer.CloseDueAsync(Ct));
        time.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await closer.CloseDueAsync(Ct));

        var ticket = await host.Get<ITicketStore>().GetTicketAsync(number.Value, Ct);
        Assert.Equal(TicketStatus.Closed, ticket!.Status);
        Assert.Contains(await host.Get<ITicketStore>().GetHistoryAsync(number.Value, Ct), h => h.Actor == "system" && h.Detail == "resolved → closed");
        var transcript = await host.Get<IConversationStore>().GetTranscriptAsync(key, 1, Ct);
        Assert.Contains("#" + number, transcript[^1].Text, StringComparison.Ordinal);
    }
}
