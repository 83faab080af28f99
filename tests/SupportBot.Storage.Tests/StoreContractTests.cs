using SupportBot.Core.Activities;
using SupportBot.Core.Storage;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The storage contract, written once against the interfaces: a provider runs all of it by deriving one
/// class from this and implementing <see cref="StoreContractBase.CreateStoreAsync"/>. The facts are spread over a
/// chain of base classes (tickets, outbox, then conversations here) only to keep each file readable.</summary>
public abstract class StoreContractTests : OutboxContractTests
{
    [Fact]
    public async Task LoadOfAnUnknownConversationIsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.Conversations.LoadAsync(Chat, Ct));
    }

    [Fact]
    public async Task CommittedTurnLoadsBackWithStateVersionAndUser()
    {
        var store = await CreateStoreAsync();

        var first = await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { State = State("one") }, Ct);
        var second = await store.Conversations.CommitTurnAsync(
            Turn(Chat, first) with { UserId = "user-9", State = State("two") }, Ct);

        var loaded = await store.Conversations.LoadAsync(Chat, Ct);
        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.NotNull(loaded);
        Assert.Equal(Chat, loaded.Key);
        Assert.Equal("user-9", loaded.UserId);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(State("two"), loaded.State);
    }

    [Fact]
    public async Task CommitWithAStaleVersionThrowsAConflict()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0), Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat, 1), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.Conversations.CommitTurnAsync(Turn(Chat, 1), Ct));

        Assert.Equal(Chat, conflict.Conversation);
        Assert.Equal(1, conflict.ExpectedVersion);
    }

    [Fact]
    public async Task CommitAsANewConversationWhenItAlreadyExistsThrowsAConflict()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.Conversations.CommitTurnAsync(Turn(Chat, 0), Ct));
        Assert.Equal(1, (await store.Conversations.LoadAsync(Chat, Ct))!.Version);
    }

    [Fact]
    public async Task CommitToAConversationThatDoesNotExistYetWithAVersionThrowsAConflict()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.Conversations.CommitTurnAsync(Turn(Chat, 3), Ct));
        Assert.Null(await store.Conversations.LoadAsync(Chat, Ct));
    }

    [Fact]
    public async Task AConflictingCommitWritesNothing()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { State = State("kept") }, Ct);
        var number = await store.Tickets.NextTicketNumberAsync(Ct);

        var stale = Turn(Chat, 0) with
        {
            State = State("lost"),
            InboundMessageId = "m-lost",
            Transcript = [Line(TranscriptDirection.User, "lost line")],
            NewTicket = Ticket(number, Chat),
            Outbox = [BotReply.Plain("lost reply")],
        };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Conversations.CommitTurnAsync(stale, Ct));

        Assert.Equal(State("kept"), (await store.Conversations.LoadAsync(Chat, Ct))!.State);
        Assert.Empty(await store.Conversations.GetTranscriptAsync(Chat, 1, Ct));
        Assert.False(await store.Conversations.WasProcessedAsync(Chat, "m-lost", Ct));
        Assert.Null(await store.Tickets.GetTicketAsync(number, Ct));
        Assert.Empty(await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task AMessageIsProcessedOnceItsTurnCommits()
    {
        var store = await CreateStoreAsync();
        Assert.False(await store.Conversations.WasProcessedAsync(Chat, "m-1", Ct));

        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { InboundMessageId = "m-1" }, Ct);

        Assert.True(await store.Conversations.WasProcessedAsync(Chat, "m-1", Ct));
        Assert.False(await store.Conversations.WasProcessedAsync(Chat, "m-2", Ct));
        Assert.False(await store.Conversations.WasProcessedAsync(Chat with { Id = "chat-2" }, "m-1", Ct));
    }

    [Fact]
    public async Task CommittingAnAlreadyProcessedMessageAgainIsAConflict()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(Turn(Chat, 0) with { InboundMessageId = "m-1" }, Ct);

        var again = Turn(Chat, 1) with { InboundMessageId = "m-1", Outbox = [BotReply.Plain("twice")] };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Conversations.CommitTurnAsync(again, Ct));

        Assert.Equal(1, (await store.Conversations.LoadAsync(Chat, Ct))!.Version);
        Assert.Empty(await store.Outbox.FetchPendingAsync(Chat.Channel, T0.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task TranscriptSeqsAscendAcrossCommitsAndReadFromASeq()
    {
        var store = await CreateStoreAsync();
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 0) with
            {
                Transcript =
                [
                    Line(TranscriptDirection.User, "充值没到账") with { AttachmentNames = ["shot.png", "tx.pdf"] },
                    Line(TranscriptDirection.Bot, "请提供 TxID", 1),
                ],
            },
            Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(Chat, 1) with
            {
                Transcript = [Line(TranscriptDirection.Agent, "hi", 2), Line(TranscriptDirection.System, "ticket", 3)],
            },
            Ct);
        await store.Conversations.CommitTurnAsync(Turn(Chat with { Id = "other" }, 0) with
        {
            Transcript = [Line(TranscriptDirection.User, "elsewhere")],
        }, Ct);

        var all = await store.Conversations.GetTranscriptAsync(Chat, 1, Ct);
        var tail = await store.Conversations.GetTranscriptAsync(Chat, 3, Ct);

        Assert.Equal([1L, 2, 3, 4], all.Select(l => l.Seq));
        Assert.Equal(
            [TranscriptDirection.User, TranscriptDirection.Bot, TranscriptDirection.Agent, TranscriptDirection.System],
            all.Select(l => l.Direction));
        Assert.Equal("充值没到账", all[0].Text);
        Assert.Equal(["shot.png", "tx.pdf"], all[0].AttachmentNames);
        Assert.Empty(all[1].AttachmentNames);
        Assert.Equal(T0.AddMinutes(1), all[1].At);
        Assert.Equal(["hi", "ticket"], tail.Select(l => l.Text));
        Assert.Equal([3L, 4], tail.Select(l => l.Seq));
        Assert.Empty(await store.Conversations.GetTranscriptAsync(Chat, 5, Ct));
    }

    [Fact]
    public async Task OfManyConcurrentCommitsOfTheSameVersionExactlyOneLands()
    {
        var store = await CreateStoreAsync();

        var attempts = Enumerable.Range(0, 32).Select(i => Task.Run(
            () => store.Conversations.CommitTurnAsync(
                Turn(Chat, 0) with
                {
                    State = State("attempt-" + i),
                    Transcript = [Line(TranscriptDirection.User, "attempt-" + i)],
                    Outbox = [BotReply.Plain("attempt-" + i)],
                },
                Ct),
            Ct)).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                return await a;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        }));

        Assert.Equal(1, outcomes.Count(v => v == 1));
        Assert.Equal(31, outcomes.Count(v => v == -1));
        var winner = Assert.Single(await store.Conversations.GetTranscriptAsync(Chat, 1, Ct)).Text;
        Assert.Equal(State(winner), (await store.Conversations.LoadAsync(Chat, Ct))!.State);
        var sent = Assert.Single(await store.Outbox.FetchPendingAsync(Chat.Channel, T0, 100, Ct));
        Assert.Equal(winner, sent.Reply.Text);
    }

    [Fact]
    public async Task AnUnknownAgentCodeIsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.Agents.FindByCodeAsync("AG-0001", Ct));
    }
}
