using SupportBot.Core.Activities;
using SupportBot.Core.Storage;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The outbox part of the storage contract (see <see cref="StoreContractTests"/>).</summary>
public abstract class OutboxContractTests : TicketContractTests
{
    [Fact]
    public async Task PendingRepliesComeBackInOrderWithTheirContent()
    {
        var store = await CreateStoreAsync();
        ChoiceOption[] choices = [new("deposit", "充值未到账"), new("kyc", "KYC")];
        var menu = new BotReply("选择问题", choices)
        {
            ProblemId = "deposit",
            StepId = "menu",
            TicketNumber = 100001,
        };
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with { Outbox = [BotReply.Plain("first"), menu] }, Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 1, minute: 1) with { Outbox = [BotReply.Plain("third")] }, Ct);

        var pending = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddMinutes(1), 10, Ct);

        Assert.Equal(["first", "选择问题", "third"], pending.Select(m => m.Reply.Text));
        Assert.True(pending[0].Id < pending[1].Id && pending[1].Id < pending[2].Id);
        Assert.All(pending, m => Assert.Equal(Chat, m.Conversation));
        Assert.All(pending, m => Assert.Equal(0, m.Attempts));
        Assert.Equal(T0, pending[0].CreatedAt);
        Assert.Equal(T0.AddMinutes(1), pending[2].CreatedAt);
        var stored = pending[1].Reply;
        Assert.Equal(menu.Choices, stored.Choices);
        Assert.Equal("deposit", stored.ProblemId);
        Assert.Equal("menu", stored.StepId);
        Assert.Equal(100001, stored.TicketNumber);
        Assert.Empty(pending[0].Reply.Choices);
        Assert.Null(pending[0].Reply.TicketNumber);
    }

    [Fact]
    public async Task PendingRepliesAreOnlyThoseOfTheChannelThatAreDue()
    {
        var store = await CreateStoreAsync();
        var telegram = new ConversationKey("telegram", "chat-1");
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { Outbox = [BotReply.Plain("web")] }, Ct);
        await store.Conversations.CommitTurnAsync(Turn(telegram, 0) with { Outbox = [BotReply.Plain("tg")] }, Ct);

        var web = await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct);
        var early = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddMilliseconds(-1), 10, Ct);

        Assert.Equal(["web"], web.Select(m => m.Reply.Text));
        Assert.Empty(early);
        Assert.Empty(await store.Outbox.FetchPendingAsync("discord", T0, 10, Ct));
    }

    [Fact]
    public async Task FetchReturnsAtMostMaxOldestFirst()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with { Outbox = [BotReply.Plain("1"), BotReply.Plain("2"), BotReply.Plain("3")] }, Ct);

        var pending = await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 2, Ct);

        Assert.Equal(["1", "2"], pending.Select(m => m.Reply.Text));
    }

    [Fact]
    public async Task ADeliveredMessageIsNotFetchedAgain()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with { Outbox = [BotReply.Plain("a"), BotReply.Plain("b")] }, Ct);
        var pending = await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct);

        await store.Outbox.MarkDeliveredAsync(pending[0].Id, T0.AddSeconds(1), Ct);

        var after = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddDays(1), 10, Ct);
        Assert.Equal(["b"], after.Select(m => m.Reply.Text));
    }

    [Fact]
    public async Task AFailedMessageIsHiddenUntilItsRetryTimeAndCountsAttempts()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { Outbox = [BotReply.Plain("a")] }, Ct);
        var id = (await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct))[0].Id;

        await store.Outbox.MarkFailedAsync(id, "HTTP 502", T0.AddSeconds(30), Ct);
        var hidden = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddSeconds(29.999), 10, Ct);
        await store.Outbox.MarkFailedAsync(id, "HTTP 502", T0.AddSeconds(60), Ct);
        var again = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddSeconds(60), 10, Ct);

        Assert.Empty(hidden);
        var retried = Assert.Single(again);
        Assert.Equal(id, retried.Id);
        Assert.Equal(2, retried.Attempts);
    }

    [Fact]
    public async Task AFailedMessageHoldsBackLaterMessagesOfItsConversationOnly()
    {
        var store = await CreateStoreAsync();
        var other = Chat with { Id = "chat-2" };
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with { Outbox = [BotReply.Plain("a1"), BotReply.Plain("a2")] }, Ct);
        await store.Conversations.CommitTurnAsync(Turn(other, 0) with { Outbox = [BotReply.Plain("b1")] }, Ct);
        var first = (await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct))[0];

        await store.Outbox.MarkFailedAsync(first.Id, "timeout", T0.AddSeconds(10), Ct);
        var during = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddSeconds(1), 10, Ct);
        var after = await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddSeconds(10), 10, Ct);

        Assert.Equal(["b1"], during.Select(m => m.Reply.Text));
        Assert.Equal(["a1", "a2", "b1"], after.Select(m => m.Reply.Text));
    }

    [Fact]
    public async Task UndeliveredIdsAreOneConversationsOldestFirst_WaitingRetriesIncluded_DeliveredOnesNot()
    {
        var store = await CreateStoreAsync();
        var other = Chat with { Id = "chat-2" };
        var telegram = new ConversationKey("telegram", Chat.Id);
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with { Outbox = [BotReply.Plain("a1"), BotReply.Plain("a2")] }, Ct);
        await store.Conversations.CommitTurnAsync(Turn(other, 0) with { Outbox = [BotReply.Plain("b1")] }, Ct);
        await store.Conversations.CommitTurnAsync(Turn(telegram, 0) with { Outbox = [BotReply.Plain("t1")] }, Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat, 1) with { Outbox = [BotReply.Plain("a3")] }, Ct);
        var pending = (await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct))
            .Where(m => m.Conversation == Chat).Select(m => m.Id).ToList();

        Assert.Equal(pending, await store.Outbox.UndeliveredIdsAsync(Chat, Ct));

        await store.Outbox.MarkDeliveredAsync(pending[0], T0, Ct);
        await store.Outbox.MarkFailedAsync(pending[1], "timeout", T0.AddSeconds(10), Ct);
        Assert.Equal(pending[1..], await store.Outbox.UndeliveredIdsAsync(Chat, Ct));
        Assert.Single(await store.Outbox.UndeliveredIdsAsync(other, Ct));
        Assert.Empty(await store.Outbox.UndeliveredIdsAsync(Chat with { Id = "nobody" }, Ct));
    }

    [Fact]
    public async Task MarkingAnUnknownMessageChangesNothing()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { Outbox = [BotReply.Plain("a")] }, Ct);
        var id = (await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct))[0].Id;

        await store.Outbox.MarkDeliveredAsync(id + 1000, T0, Ct);
        await store.Outbox.MarkFailedAsync(id + 1001, "x", T0.AddDays(1), Ct);

        Assert.Equal([id], (await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 10, Ct)).Select(m => m.Id));
    }
}
