using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Memory;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.Scaling;

/// <summary>A turn must cost the same however many tickets are stored (issue 19). Not timed: the in-memory store
/// counts the tickets its reads look at, and a whole deposit conversation ending in a ticket (duplicate check, queue
/// place, wait estimate) must look at exactly as many with 10,000 stored tickets as with 100.</summary>
public sealed class FlatTurnCostTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ADepositConversationReadsAsManyTicketsWithTenThousandStoredAsWithAHundred()
    {
        var small = await RowsPerConversationAsync(100);
        var large = await RowsPerConversationAsync(10_000);

        Assert.Equal(small, large);
    }

    [Fact]
    public async Task TheQueuePlaceAndTheQueueCountsReadNoTicketRows()
    {
        var store = new InMemoryBotStore();
        await SeedAsync(store, 5_000);
        var newest = await store.QueryTicketsAsync(new TicketQuery { Statuses = [TicketStatus.New], Limit = 500 }, Ct);
        var before = store.TicketRowsVisited;

        var position = await store.QueuePositionAsync(newest[^1].Number, Ct);
        var waiting = await store.CountTicketsAsync(new TicketQuery { Statuses = [TicketStatus.New], Priority = TicketPriority.Normal }, Ct);
        var open = await store.CountTicketsAsync(
            new TicketQuery { Statuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.WaitingOnUser] }, Ct);

        Assert.Equal(before, store.TicketRowsVisited);
        Assert.Equal(newest.Count, position);
        Assert.Equal(5_000 / 4, waiting);
        Assert.Equal(5_000 / 2, open);
    }

    [Fact]
    public async Task APageOfTheQueueReadsThePageNotTheTable()
    {
        var store = new InMemoryBotStore();
        await SeedAsync(store, 5_000);
        var before = store.TicketRowsVisited;

        var page = await store.QueryTicketsAsync(
            new TicketQuery { Statuses = [TicketStatus.New, TicketStatus.Closed], Limit = 20, Offset = 10 }, Ct);

        Assert.Equal(20, page.Count);
        Assert.True(store.TicketRowsVisited - before <= 30, $"read {store.TicketRowsVisited - before} tickets for a page of 20");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> RowsPerConversationAsync(int stored)
    {
        var bot = new TestBot(new ManualTimeProvider(Now));
        await SeedAsync(bot.Store, stored);

        // The first ticket computes the cached wait estimate (once a minute); the measured one is the next.
        await DepositToTicketAsync(bot.Conversation("warm-up"));
        var before = bot.Store.TicketRowsVisited;
        await DepositToTicketAsync(bot.Conversation("measured"));
        return bot.Store.TicketRowsVisited - before;
    }

    private static async Task DepositToTicketAsync(TestConversation chat)
    {
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");
        var problem = TestBot.Shipped.FindProblem("deposit")!;
        while (chat.Last.StepId != Steps.Confirm)
        {
            var detail = problem.Details.Single(d => d.Id == chat.Last.StepId);
            await chat.SendAsync(detail.Kind switch
            {
                SlotKinds.Uid => "12345678",
                SlotKinds.Time => "yesterday 9pm",
                SlotKinds.TxId => "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f",
                SlotKinds.Address => "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
                SlotKinds.Coin => "USDT",
                SlotKinds.Network => "TRC20",
                SlotKinds.Amount => "100",
                SlotKinds.Screenshots => "skip",
                _ => "The page keeps spinning after I tap submit",
            });
        }

        await chat.ChooseAsync("confirm");
        Assert.NotNull(chat.LastResult?.TicketNumber);
    }

    // Half new, half closed with a first response in the estimate window, so a wait estimate or a queue count that
    // walked the tickets would read thousands more rows at the larger size.
    private static async Task SeedAsync(InMemoryBotStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var key = new ConversationKey("seed", "c" + i);
            var number = await store.NextTicketNumberAsync(Ct);
            var created = Now.AddHours(-48).AddSeconds(i);
            await store.CommitTurnAsync(
                new TurnCommit
                {
                    Conversation = key,
                    UserId = "u" + i,
                    ExpectedVersion = 0,
                    State = [1],
                    At = created,
                    NewTicket = new NewTicket
                    {
                        Number = number,
                        Conversation = key,
                        UserId = "u" + i,
                        Category = "deposit",
                        Priority = (TicketPriority)(i % 4),
                        Locale = "en",
                        Details = [],
                        CreatedAt = created,
                    },
                },
                Ct);
            if (i % 2 == 1)
            {
                await store.ApplyTicketChangeAsync(
                    new TicketChange { Number = number, At = created.AddMinutes(5), Status = TicketStatus.Closed, FirstResponse = true },
                    Ct);
            }
        }
    }
}
