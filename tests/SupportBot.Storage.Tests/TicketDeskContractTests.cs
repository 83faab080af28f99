using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The ticket-desk part of the storage contract: queries, changes, notes, history and the numbers for the
/// queue and dashboard (see <see cref="StoreContractTests"/>).</summary>
public abstract class TicketDeskContractTests : AgentContractTests
{
    [Fact]
    public async Task QueriesFilterAndComeUrgentFirstThenOldestFirst()
    {
        var store = await CreateStoreAsync();
        var a = await OpenTicketAsync(store, TicketPriority.Normal, minute: 0);
        var b = await OpenTicketAsync(store, TicketPriority.Urgent, minute: 5);
        var c = await OpenTicketAsync(store, TicketPriority.High, minute: 1, channel: "telegram", category: "kyc");
        var d = await OpenTicketAsync(store, TicketPriority.Normal, minute: 2);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(d.Number, 3) with { Status = TicketStatus.Assigned, Assignee = new AssigneeChange(7, "Lin") }, Ct);

        async Task<long[]> NumbersAsync(TicketQuery query) =>
            [.. (await store.Tickets.QueryTicketsAsync(query, Ct)).Select(t => t.Number)];

        Assert.Equal([b.Number, c.Number, a.Number, d.Number], await NumbersAsync(new TicketQuery()));
        Assert.Equal(
            [b.Number, c.Number, a.Number], await NumbersAsync(new TicketQuery { Statuses = [TicketStatus.New] }));
        Assert.Equal(
            [b.Number, c.Number, a.Number, d.Number],
            await NumbersAsync(new TicketQuery { Statuses = [TicketStatus.New, TicketStatus.Assigned] }));
        Assert.Equal([a.Number, d.Number], await NumbersAsync(new TicketQuery { Priority = TicketPriority.Normal }));
        Assert.Equal([c.Number], await NumbersAsync(new TicketQuery { Channel = "telegram" }));
        Assert.Equal([c.Number], await NumbersAsync(new TicketQuery { Category = "kyc" }));
        Assert.Equal([d.Number], await NumbersAsync(new TicketQuery { AssigneeId = 7 }));
        Assert.Equal([b.Number, c.Number, a.Number], await NumbersAsync(new TicketQuery { UnassignedOnly = true }));
        Assert.Equal([c.Number, a.Number], await NumbersAsync(new TicketQuery { Limit = 2, Offset = 1 }));
        Assert.Empty(await NumbersAsync(new TicketQuery { Channel = "discord" }));
        // Changed at or after minute 3: b was opened at 5, d was assigned at 3; a (0) and c (1) were not touched since.
        Assert.Equal([b.Number, d.Number], await NumbersAsync(new TicketQuery { UpdatedSince = T0.AddMinutes(3) }));
        Assert.Empty(await NumbersAsync(new TicketQuery { UpdatedSince = T0.AddMinutes(5).AddMilliseconds(1) }));

        Assert.Equal(4, await store.Tickets.CountTicketsAsync(new TicketQuery { Limit = 1 }, Ct));
        Assert.Equal(3, await store.Tickets.CountTicketsAsync(new TicketQuery { Statuses = [TicketStatus.New] }, Ct));
        Assert.Equal(1, await store.Tickets.CountTicketsAsync(new TicketQuery { AssigneeId = 7 }, Ct));
        var assigned = Assert.Single(await store.Tickets.QueryTicketsAsync(new TicketQuery { AssigneeId = 7 }, Ct));
        Assert.Equal("Lin", assigned.AssigneeName);
    }

    [Fact]
    public async Task AChangeSetsOnlyTheFieldsItNamesAndBumpsTheVersion()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store, TicketPriority.Normal);
        TicketAttachment shot = new("abc_-1", "shot.png", "image/png", 1234, T0.AddMinutes(1));

        var changed = await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 1) with
            {
                ExpectedVersion = ticket.Version,
                Status = TicketStatus.Assigned,
                Assignee = new AssigneeChange(7, "Lin"),
                FirstResponse = true,
                UserMessage = true,
                AddDetails =
                [
                    new TicketDetail("txid", "txid", "0xdef", "0xdef", null),
                    new TicketDetail("email", "email", "a@b.c", "a***@b.c", null),
                ],
                AddAttachments = [shot],
            },
            Ct);

        Assert.NotNull(changed);
        Assert.Equal(ticket.Version + 1, changed.Version);
        Assert.Equal(T0.AddMinutes(1), changed.UpdatedAt);
        Assert.Equal(TicketStatus.Assigned, changed.Status);
        Assert.Equal(7, changed.AssigneeId);
        Assert.Equal("Lin", changed.AssigneeName);
        Assert.Equal(T0.AddMinutes(1), changed.FirstResponseAt);
        Assert.Equal(T0.AddMinutes(1), changed.LastUserMessageAt);
        Assert.Equal(["txid", "time", "email"], changed.Details.Select(d => d.Id));
        Assert.Equal("0xdef", changed.Details[0].Value);
        Assert.Equal([shot], changed.Attachments);
        Assert.Equal(TicketPriority.Normal, changed.Priority);
        Assert.Equal(ticket.Category, changed.Category);
        Assert.Equivalent(changed, await store.Tickets.GetTicketAsync(ticket.Number, Ct), strict: true);

        var later = await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 2) with
            {
                FirstResponse = true,
                Priority = TicketPriority.Low,
                Unreachable = true,
                Rating = 4,
                RatingComment = "ok",
                Assignee = AssigneeChange.Nobody,
            },
            Ct);

        Assert.NotNull(later);
        Assert.Equal(T0.AddMinutes(1), later.FirstResponseAt);
        Assert.Equal(T0.AddMinutes(1), later.LastUserMessageAt);
        Assert.Equal(TicketPriority.Low, later.Priority);
        Assert.True(later.Unreachable);
        Assert.Equal(4, later.Rating);
        Assert.Equal("ok", later.RatingComment);
        Assert.Null(later.AssigneeId);
        Assert.Null(later.AssigneeName);
        Assert.Equal(3, later.Details.Count);
        Assert.Single(later.Attachments);
        Assert.Equal(ticket.Version + 2, later.Version);
    }

    [Fact]
    public async Task ResolvingClosingAndReopeningKeepTheLifeCycleTimes()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store);

        var resolved = await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 10) with { Status = TicketStatus.Resolved }, Ct);
        var closed = await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 20) with { Status = TicketStatus.Closed }, Ct);
        var reopened = await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 30) with { Status = TicketStatus.Assigned }, Ct);
        var secret = await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 31) with { SecretExposed = true, Priority = TicketPriority.Low }, Ct);

        Assert.Equal(T0.AddMinutes(10), resolved!.ResolvedAt);
        Assert.Null(resolved.ClosedAt);
        Assert.False(resolved.IsOpen);
        Assert.Equal(T0.AddMinutes(10), closed!.ResolvedAt);
        Assert.Equal(T0.AddMinutes(20), closed.ClosedAt);
        Assert.Null(reopened!.ResolvedAt);
        Assert.Null(reopened.ClosedAt);
        Assert.True(reopened.IsOpen);
        Assert.True(secret!.SecretExposed);
        Assert.Equal(TicketPriority.Urgent, secret.Priority);
    }

    [Fact]
    public async Task AChangeToAnUnknownTicketReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.Tickets.ApplyTicketChangeAsync(
            Change(999999) with { Status = TicketStatus.Assigned, Outbox = [BotReply.Plain("x")] }, Ct));
        Assert.Empty(await store.Outbox.FetchPendingAsync("webchat", T0.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task TwoChangesOnTheSameVersionOneWinsTheOtherConflictsAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store);

        TicketChange Claim(long agent) => Change(ticket.Number, 1) with
        {
            ExpectedVersion = ticket.Version,
            Status = TicketStatus.Assigned,
            Assignee = new AssigneeChange(agent, "agent-" + agent),
            History = [new TicketHistoryEntry(T0.AddMinutes(1), "agent:" + agent, "assigned", "new → assigned")],
            Note = new TicketNote(0, agent, "agent-" + agent, "mine", T0.AddMinutes(1)),
            Transcript = [Line(TranscriptDirection.System, "claimed by " + agent, 1)],
            Outbox = [BotReply.Plain("claimed by " + agent)],
        };

        var outcomes = await Task.WhenAll(new long[] { 1, 2 }.Select(agent => Task.Run(
            async () =>
            {
                try
                {
                    return await store.Tickets.ApplyTicketChangeAsync(Claim(agent), Ct);
                }
                catch (TicketConflictException conflict)
                {
                    Assert.Equal(ticket.Number, conflict.Number);
                    return null;
                }
            },
            Ct)));

        var winner = Assert.Single(outcomes, o => o is not null)!;
        var stored = await store.Tickets.GetTicketAsync(ticket.Number, Ct);
        Assert.Equal(winner.AssigneeId, stored!.AssigneeId);
        Assert.Equal(ticket.Version + 1, stored.Version);
        Assert.Single(await store.Tickets.GetNotesAsync(ticket.Number, Ct));
        Assert.Equal(2, (await store.Tickets.GetHistoryAsync(ticket.Number, Ct)).Count);
        Assert.Equal(2, (await store.Conversations.GetTranscriptAsync(ticket.Conversation, 1, Ct)).Count);
        var reply = Assert.Single(await store.Outbox.FetchPendingAsync("webchat", T0.AddDays(1), 10, Ct));
        Assert.Equal("claimed by " + winner.AssigneeId, reply.Reply.Text);

        await Assert.ThrowsAsync<TicketConflictException>(() => store.Tickets.ApplyTicketChangeAsync(Claim(3), Ct));
    }

    [Fact]
    public async Task AChangesTranscriptAndRepliesFollowTheTurnsInOrder()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store);
        var chat = ticket.Conversation;
        await store.Conversations.CommitTurnAsync(
            Turn(chat, 1, minute: 1) with
            {
                Transcript = [Line(TranscriptDirection.User, "q", 1), Line(TranscriptDirection.Bot, "a", 1)],
                Outbox = [BotReply.Plain("bot-1")],
            },
            Ct);
        var signed = new BotReply("agent reply", []) { Agent = new AgentSignature("Lin", "SB-7K3M9Q") };

        await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 2) with
            {
                FirstResponse = true,
                Transcript = [Line(TranscriptDirection.Agent, "agent reply", 2)],
                Outbox = [signed, BotReply.Plain("agent-2")],
            },
            Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(chat, 2, minute: 3) with
            {
                Transcript = [Line(TranscriptDirection.User, "thanks", 3)],
                Outbox = [BotReply.Plain("bot-2")],
            },
            Ct);

        var transcript = await store.Conversations.GetTranscriptAsync(chat, 1, Ct);
        Assert.Equal(["help", "q", "a", "agent reply", "thanks"], transcript.Select(l => l.Text));
        Assert.Equal([1L, 2, 3, 4, 5], transcript.Select(l => l.Seq));
        Assert.Equal(TranscriptDirection.Agent, transcript[3].Direction);
        Assert.Equal(T0.AddMinutes(2), transcript[3].At);
        var pending = await store.Outbox.FetchPendingAsync("webchat", T0.AddDays(1), 10, Ct);
        Assert.Equal(["bot-1", "agent reply", "agent-2", "bot-2"], pending.Select(m => m.Reply.Text));
        Assert.Equal(new AgentSignature("Lin", "SB-7K3M9Q"), pending[1].Reply.Agent);
        Assert.Null(pending[0].Reply.Agent);
        Assert.Equal(T0.AddMinutes(2), pending[1].CreatedAt);
        Assert.Equal(ticket.TranscriptFromSeq, (await store.Tickets.GetTicketAsync(ticket.Number, Ct))!.TranscriptFromSeq);
        Assert.Equal(3, (await store.Conversations.LoadAsync(chat, Ct))!.Version);
    }

    [Fact]
    public async Task HistoryStartsWithCreatedAndNotesGetStoreIds()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store, minute: 4);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 5) with
            {
                Status = TicketStatus.Assigned,
                History = [new TicketHistoryEntry(T0.AddMinutes(5), "agent:Lin", "status", "new → assigned")],
                Note = new TicketNote(0, 7, "Lin", "called the user", T0.AddMinutes(5)),
            },
            Ct);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(ticket.Number, 6) with { Note = new TicketNote(0, 8, "Sam", "second", T0.AddMinutes(6)) }, Ct);

        var history = await store.Tickets.GetHistoryAsync(ticket.Number, Ct);
        var notes = await store.Tickets.GetNotesAsync(ticket.Number, Ct);

        Assert.Equal(
            [
                new TicketHistoryEntry(T0.AddMinutes(4), "user", "created", null),
                new TicketHistoryEntry(T0.AddMinutes(5), "agent:Lin", "status", "new → assigned"),
            ],
            history);
        Assert.Equal(["called the user", "second"], notes.Select(n => n.Text));
        Assert.Equal((7L, "Lin", T0.AddMinutes(5)), (notes[0].AgentId, notes[0].AgentName, notes[0].At));
        Assert.True(notes[0].Id > 0 && notes[1].Id > notes[0].Id);
        Assert.Empty(await store.Tickets.GetNotesAsync(999999, Ct));
        Assert.Empty(await store.Tickets.GetHistoryAsync(999999, Ct));
    }

    [Fact]
    public async Task QueuePositionCountsNewTicketsAhead()
    {
        var store = await CreateStoreAsync();
        var a = await OpenTicketAsync(store, TicketPriority.Normal, minute: 0);
        var b = await OpenTicketAsync(store, TicketPriority.Urgent, minute: 5);
        var c = await OpenTicketAsync(store, TicketPriority.Normal, minute: 0);
        var d = await OpenTicketAsync(store, TicketPriority.Urgent, minute: 1);
        var e = await OpenTicketAsync(store, TicketPriority.Low, minute: 0);
        await store.Tickets.ApplyTicketChangeAsync(Change(d.Number, 2) with { Status = TicketStatus.Assigned }, Ct);

        Assert.Equal(1, await store.Tickets.QueuePositionAsync(b.Number, Ct));
        Assert.Equal(2, await store.Tickets.QueuePositionAsync(a.Number, Ct));
        Assert.Equal(3, await store.Tickets.QueuePositionAsync(c.Number, Ct));
        Assert.Equal(4, await store.Tickets.QueuePositionAsync(e.Number, Ct));
        Assert.Equal(0, await store.Tickets.QueuePositionAsync(d.Number, Ct));
        Assert.Equal(0, await store.Tickets.QueuePositionAsync(999999, Ct));
    }

    [Fact]
    public async Task StatsCountOpenTicketsByPriorityAndResponsesAndRatingsSinceTheCutOff()
    {
        var store = await CreateStoreAsync();
        var old = await OpenTicketAsync(store, TicketPriority.High, minute: 0);
        var recent = await OpenTicketAsync(store, TicketPriority.High, minute: 20);
        var urgent = await OpenTicketAsync(store, TicketPriority.Urgent, minute: 25);
        var done = await OpenTicketAsync(store, TicketPriority.Low, minute: 30);
        await store.Tickets.ApplyTicketChangeAsync(Change(old.Number, 5) with { FirstResponse = true }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(Change(recent.Number, 22) with { FirstResponse = true }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(urgent.Number, 26) with { Status = TicketStatus.WaitingOnUser }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(done.Number, 31) with { FirstResponse = true, Status = TicketStatus.Resolved }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(Change(old.Number, 8) with { Rating = 2 }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(Change(done.Number, 40) with { Rating = 5 }, Ct);

        var stats = await store.Tickets.GetStatsAsync(T0.AddMinutes(10), Ct);

        Assert.Equal(
            new Dictionary<TicketPriority, int>
            {
                [TicketPriority.Urgent] = 1,
                [TicketPriority.High] = 2,
                [TicketPriority.Normal] = 0,
                [TicketPriority.Low] = 0,
            },
            stats.OpenByPriority);
        Assert.Equal(
            [(T0.AddMinutes(20), T0.AddMinutes(22)), (T0.AddMinutes(30), T0.AddMinutes(31))],
            stats.FirstResponses);
        Assert.Equal([(T0.AddMinutes(40), 5)], stats.Ratings);
    }

    [Fact]
    public async Task ResolvedBeforeListsOnlyTicketsStillResolvedSinceBeforeTheCutOff()
    {
        var store = await CreateStoreAsync();
        var early = await OpenTicketAsync(store);
        var late = await OpenTicketAsync(store);
        var reopened = await OpenTicketAsync(store);
        var closed = await OpenTicketAsync(store);
        var open = await OpenTicketAsync(store);
        await store.Tickets.ApplyTicketChangeAsync(Change(early.Number, 10) with { Status = TicketStatus.Resolved }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(Change(late.Number, 30) with { Status = TicketStatus.Resolved }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(reopened.Number, 5) with { Status = TicketStatus.Resolved }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(
            Change(reopened.Number, 6) with { Status = TicketStatus.Assigned }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(Change(closed.Number, 5) with { Status = TicketStatus.Resolved }, Ct);
        await store.Tickets.ApplyTicketChangeAsync(Change(closed.Number, 7) with { Status = TicketStatus.Closed }, Ct);

        var due = await store.Tickets.ListResolvedBeforeAsync(T0.AddMinutes(20), Ct);

        Assert.Equal([early.Number], due.Select(t => t.Number));
        Assert.Equal(TicketStatus.New, (await store.Tickets.GetTicketAsync(open.Number, Ct))!.Status);
    }

    [Fact]
    public async Task ATurnAppliesItsTicketChangesAndAStaleOneRollsTheWholeTurnBack()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store);
        var chat = ticket.Conversation;

        await store.Conversations.CommitTurnAsync(
            Turn(chat, 1, minute: 1) with
            {
                Transcript = [Line(TranscriptDirection.User, "more", 1)],
                TicketChanges =
                [
                    Change(ticket.Number, 1) with
                    {
                        UserMessage = true,
                        AddDetails = [new TicketDetail("memo", "memo", "123", "123", null)],
                        History = [new TicketHistoryEntry(T0.AddMinutes(1), "user", "details", "memo")],
                    },
                ],
            },
            Ct);
        var stale = Turn(chat, 2, minute: 2) with
        {
            Transcript = [Line(TranscriptDirection.User, "rating", 2)],
            Outbox = [BotReply.Plain("thanks")],
            TicketChanges = [Change(ticket.Number, 2) with { ExpectedVersion = ticket.Version, Rating = 5 }],
        };

        await Assert.ThrowsAsync<TicketConflictException>(() => store.Conversations.CommitTurnAsync(stale, Ct));

        var stored = await store.Tickets.GetTicketAsync(ticket.Number, Ct);
        Assert.Equal(T0.AddMinutes(1), stored!.LastUserMessageAt);
        Assert.Equal("memo", stored.Details[^1].Id);
        Assert.Null(stored.Rating);
        Assert.Equal(ticket.Version + 1, stored.Version);
        Assert.Equal(2, (await store.Tickets.GetHistoryAsync(ticket.Number, Ct)).Count);
        Assert.Equal(2, (await store.Conversations.LoadAsync(chat, Ct))!.Version);
        Assert.Equal(2, (await store.Conversations.GetTranscriptAsync(chat, 1, Ct)).Count);
        Assert.Empty(await store.Outbox.FetchPendingAsync("webchat", T0.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task ATurnsTicketChangeCarryingMessagesIsRejected()
    {
        var store = await CreateStoreAsync();
        var ticket = await OpenTicketAsync(store);

        await Assert.ThrowsAsync<ArgumentException>(() => store.Conversations.CommitTurnAsync(
            Turn(ticket.Conversation, 1) with
            {
                TicketChanges = [Change(ticket.Number) with { Outbox = [BotReply.Plain("x")] }],
            },
            Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Conversations.CommitTurnAsync(
            Turn(ticket.Conversation, 1) with
            {
                TicketChanges = [Change(ticket.Number) with { Transcript = [Line(TranscriptDirection.Agent, "x")] }],
            },
            Ct));
        Assert.Equal(1, (await store.Conversations.LoadAsync(ticket.Conversation, Ct))!.Version);
    }

    [Fact]
    public async Task AnUndeliverableReplyMarksTheConversationsOpenTicketsUnreachable()
    {
        var store = await CreateStoreAsync();
        var first = await OpenTicketAsync(store);
        var chat = first.Conversation;
        await store.Tickets.ApplyTicketChangeAsync(Change(first.Number, 1) with { Status = TicketStatus.Closed }, Ct);
        var second = await store.Tickets.NextTicketNumberAsync(Ct);
        await store.Conversations.CommitTurnAsync(
            Turn(chat, 1, minute: 2) with
            {
                NewTicket = Ticket(second, chat, minute: 2),
                Outbox = [BotReply.Plain("your ticket")],
            },
            Ct);
        var other = await OpenTicketAsync(store);
        var message = Assert.Single(await store.Outbox.FetchPendingAsync("webchat", T0.AddDays(1), 10, Ct));

        await store.Outbox.MarkUndeliverableAsync(message.Id, "blocked", T0.AddMinutes(3), Ct);

        var marked = await store.Tickets.GetTicketAsync(second, Ct);
        Assert.True(marked!.Unreachable);
        Assert.Equal(2, marked.Version);
        Assert.Equal(T0.AddMinutes(3), marked.UpdatedAt);
        Assert.Equal(
            new TicketHistoryEntry(T0.AddMinutes(3), "system", "unreachable", "blocked"),
            (await store.Tickets.GetHistoryAsync(second, Ct))[^1]);
        Assert.False((await store.Tickets.GetTicketAsync(first.Number, Ct))!.Unreachable);
        Assert.False((await store.Tickets.GetTicketAsync(other.Number, Ct))!.Unreachable);
        Assert.Empty(await store.Outbox.FetchPendingAsync("webchat", T0.AddDays(1), 10, Ct));
    }
}
