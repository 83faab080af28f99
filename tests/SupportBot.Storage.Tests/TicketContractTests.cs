using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The ticket part of the storage contract (see <see cref="StoreContractTests"/>).</summary>
public abstract class TicketContractTests : TicketDeskContractTests
{
    [Fact]
    public async Task TicketNumbersStartAt100001AndAscend()
    {
        var store = await CreateStoreAsync();

        var first = await store.Tickets.NextTicketNumberAsync(Ct);
        var second = await store.Tickets.NextTicketNumberAsync(Ct);

        Assert.Equal(100001, first);
        Assert.Equal(100002, second);
    }

    [Fact]
    public async Task TicketNumbersNeverRepeatUnderConcurrentCalls()
    {
        var store = await CreateStoreAsync();

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            async () =>
            {
                var numbers = new List<long>();
                for (var i = 0; i < 50; i++)
                {
                    numbers.Add(await store.Tickets.NextTicketNumberAsync(Ct));
                }

                return numbers;
            },
            Ct)));

        var all = batches.SelectMany(b => b).Order().ToList();
        Assert.Equal(Enumerable.Range(100001, 400).Select(n => (long)n), all);
    }

    [Fact]
    public async Task UnknownTicketIsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.Tickets.GetTicketAsync(100001, Ct));
    }

    [Fact]
    public async Task TicketRoundTripsWithDetailsAndItsTranscriptRange()
    {
        var store = await CreateStoreAsync();
        var firstNumber = await store.Tickets.NextTicketNumberAsync(Ct);
        var secondNumber = await store.Tickets.NextTicketNumberAsync(Ct);
        TranscriptLine[] twoLines = [Line(TranscriptDirection.User, "a"), Line(TranscriptDirection.Bot, "b")];
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with
            {
                Transcript = twoLines,
                NewTicket = Ticket(firstNumber, Chat) with { SecretExposed = true },
            },
            Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat, 1) with { Transcript = twoLines }, Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 2) with { Transcript = twoLines, NewTicket = Ticket(secondNumber, Chat, minute: 5) }, Ct);

        var first = await store.Tickets.GetTicketAsync(firstNumber, Ct);
        var second = await store.Tickets.GetTicketAsync(secondNumber, Ct);

        Assert.NotNull(first);
        Assert.Equal(Chat, first.Conversation);
        Assert.Equal("user-1", first.UserId);
        Assert.Equal("deposit", first.Category);
        Assert.Equal(TicketPriority.High, first.Priority);
        Assert.Equal(TicketStatus.New, first.Status);
        Assert.True(first.SecretExposed);
        Assert.Equal("zh-CN", first.Locale);
        Assert.Equal(Ticket(firstNumber, Chat).Details, first.Details);
        Assert.Equal(1, first.TranscriptFromSeq);
        Assert.Equal(T0, first.CreatedAt);
        Assert.Equal(T0, first.UpdatedAt);
        Assert.NotNull(second);
        Assert.False(second.SecretExposed);
        Assert.Equal(3, second.TranscriptFromSeq);
        Assert.Equal(T0.AddMinutes(5), second.CreatedAt);
    }

    [Fact]
    public async Task TheUsersProfileNameIsKeptAndFindsTheTicket()
    {
        var store = await CreateStoreAsync();
        var named = await store.Tickets.NextTicketNumberAsync(Ct);
        var nameless = await store.Tickets.NextTicketNumberAsync(Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { NewTicket = Ticket(named, Chat) with { UserName = "Li Wei 李伟" } }, Ct);
        var other = Chat with { Id = "chat-2" };
        await store.Conversations.CommitTurnAsync(Turn(other, 0) with { NewTicket = Ticket(nameless, other) }, Ct);

        Assert.Equal("Li Wei 李伟", (await store.Tickets.GetTicketAsync(named, Ct))!.UserName);
        Assert.Null((await store.Tickets.GetTicketAsync(nameless, Ct))!.UserName);
        var found = await ((ITicketSearchStore)store.Tickets).SearchTicketsAsync("li wei", 10, Ct);
        Assert.Equal([named], found.Select(t => t.Number));
    }

    [Fact]
    public async Task AiSummaryIsStoredWithoutMovingTheVersionAndUnknownTicketIsRefused()
    {
        var store = await CreateStoreAsync();
        var number = await store.Tickets.NextTicketNumberAsync(Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { NewTicket = Ticket(number, Chat) }, Ct);
        var before = await store.Tickets.GetTicketAsync(number, Ct);
        var summaries = (ITicketSummaryStore)store.Tickets;

        Assert.True(await summaries.SetSummaryAsync(number, "USDT deposit on TRC20 not credited; UID given.", Ct));
        Assert.False(await summaries.SetSummaryAsync(number + 1000, "no such ticket", Ct));

        var after = await store.Tickets.GetTicketAsync(number, Ct);
        Assert.Null(before!.Summary);
        Assert.Equal("USDT deposit on TRC20 not credited; UID given.", after!.Summary);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal("USDT deposit on TRC20 not credited; UID given.", (await store.Tickets.QueryTicketsAsync(new TicketQuery(), Ct)).Single().Summary);
    }

    [Fact]
    public async Task TicketsForAUserAreNewestFirstAndOnlyTheirsInThatChannel()
    {
        var store = await CreateStoreAsync();
        var telegram = new ConversationKey("telegram", "chat-1");
        var numbers = new long[4];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = await store.Tickets.NextTicketNumberAsync(Ct);
        }

        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { NewTicket = Ticket(numbers[0], Chat) }, Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 1) with { NewTicket = Ticket(numbers[1], Chat, minute: 10) }, Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(telegram, 0) with { NewTicket = Ticket(numbers[2], telegram, minute: 20) }, Ct);
        var stranger = Chat with { Id = "chat-2" };
        await store.Conversations.CommitTurnAsync(
            Turn(stranger, 0) with { UserId = "user-2", NewTicket = Ticket(numbers[3], stranger, "user-2", 30) }, Ct);

        var tickets = await store.Tickets.ListTicketsForUserAsync(Chat.Channel, "user-1", Ct);

        Assert.Equal([numbers[1], numbers[0]], tickets.Select(t => t.Number));
        Assert.Empty(await store.Tickets.ListTicketsForUserAsync(Chat.Channel, "nobody", Ct));
    }

    [Fact]
    public async Task MarkingASecretExposedMakesTheTicketUrgentAndFlagged()
    {
        var store = await CreateStoreAsync();
        var number = await store.Tickets.NextTicketNumberAsync(Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { NewTicket = Ticket(number, Chat) }, Ct);
        var before = await store.Tickets.GetTicketAsync(number, Ct);

        await store.Conversations.CommitTurnAsync(Turn(Chat, 1, minute: 7) with { MarkSecretExposed = [number] }, Ct);

        var after = await store.Tickets.GetTicketAsync(number, Ct);
        Assert.False(before!.SecretExposed);
        Assert.NotNull(after);
        Assert.Equal(TicketPriority.Urgent, after.Priority);
        Assert.True(after.SecretExposed);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(T0.AddMinutes(7), after.UpdatedAt);
        Assert.Equal(T0, after.CreatedAt);
    }
}
