using System.Globalization;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>What agents do to tickets, whichever door they come through (web console, REST API, Telegram topic,
/// Discord thread): claim, reply, note, change status, assign, change priority. Each action is one store change with
/// its history line, transcript line and outbox message, so a reply the desk accepted is never lost; every text an
/// agent sends passes the outbound guard first.</summary>
public sealed class TicketDesk
{
    private readonly ITicketStore _tickets;
    private readonly IConversationStore _conversations;
    private readonly IOutboundGuard _outbound;
    private readonly ISecretScanner _scanner;
    private readonly DialogCatalog _catalog;
    private readonly TicketEvents _events;
    private readonly TimeProvider _time;
    private readonly OutboxSignal? _signal;

    /// <summary>Creates the desk.</summary>
    public TicketDesk(
        ITicketStore tickets,
        IConversationStore conversations,
        IOutboundGuard outbound,
        ISecretScanner scanner,
        DialogCatalog catalog,
        TicketEvents events,
        TimeProvider time,
        OutboxSignal? signal = null)
    {
        _tickets = tickets;
        _conversations = conversations;
        _outbound = outbound;
        _scanner = scanner;
        _catalog = catalog;
        _events = events;
        _time = time;
        _signal = signal;
    }

    /// <summary>The ticket with its transcript, notes and history, or null.</summary>
    public async Task<TicketView?> GetAsync(long number, CancellationToken cancellationToken = default)
    {
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var transcript = await _conversations.GetTranscriptAsync(
            ticket.Conversation, Math.Max(1, ticket.TranscriptFromSeq), cancellationToken);
        var notes = await _tickets.GetNotesAsync(number, cancellationToken);
        var history = await _tickets.GetHistoryAsync(number, cancellationToken);
        return new TicketView(ticket, transcript, notes, history);
    }

    /// <summary>Tickets matching the query, urgent first then oldest first.</summary>
    public Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken = default) =>
        _tickets.QueryTicketsAsync(query, cancellationToken);

    /// <summary>Takes the ticket for <paramref name="agent"/>. Two agents claiming at once: one wins, the other gets
    /// <see cref="DeskOutcome.AlreadyClaimed"/>. The user is told who took it and how to check the agent's code.</summary>
    public async Task<DeskResult> ClaimAsync(long number, Agent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        if (ticket.AssigneeId == agent.Id)
        {
            return new DeskResult(DeskOutcome.Done, ticket);
        }

        if (ticket.AssigneeId is not null)
        {
            return new DeskResult(DeskOutcome.AlreadyClaimed, ticket) { ClaimedBy = ticket.AssigneeName };
        }

        return await AssignCoreAsync(ticket, DeskActor.For(agent), agent, cancellationToken);
    }

    /// <summary>Assigns the ticket to <paramref name="agent"/>, or unassigns it (null), whoever has it now.</summary>
    public async Task<DeskResult> AssignAsync(
        long number, DeskActor actor, Agent? agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        if (agent is not null)
        {
            return await AssignCoreAsync(ticket, actor, agent, cancellationToken);
        }

        var now = _time.GetUtcNow();
        return await ApplyAsync(
            ticket,
            new TicketChange
            {
                Number = number,
                ExpectedVersion = ticket.Version,
                At = now,
                Assignee = AssigneeChange.Nobody,
                Status = ticket.Status is TicketStatus.Assigned or TicketStatus.WaitingOnUser ? TicketStatus.New : null,
                History = [new TicketHistoryEntry(now, actor.Name, "assigned", (ticket.AssigneeName ?? "nobody") + " → nobody")],
            },
            TicketEventKind.Changed,
            cancellationToken);
    }

    /// <summary>Sends <paramref name="text"/> to the user's chat, signed with the agent's name and code. Refused
    /// when the outbound guard finds it asks for (or holds) a secret. An unassigned ticket is claimed on the way.</summary>
    public async Task<DeskResult> ReplyAsync(
        long number, DeskActor actor, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(text);
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        if (actor.Agent is not { } agent)
        {
            return new DeskResult(DeskOutcome.Invalid, ticket) { Problem = "A reply must come from an agent account." };
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return new DeskResult(DeskOutcome.Invalid, ticket) { Problem = "The reply is empty." };
        }

        if (ticket.AssigneeId is { } assignee && assignee != agent.Id)
        {
            return new DeskResult(DeskOutcome.AlreadyClaimed, ticket) { ClaimedBy = ticket.AssigneeName };
        }

        var verdict = _outbound.Check(text);
        if (!verdict.Allowed)
        {
            return new DeskResult(DeskOutcome.Blocked, ticket) { BlockedSecret = verdict.AskedFor };
        }

        var now = _time.GetUtcNow();
        var replies = new List<BotReply>(2);
        var history = new List<TicketHistoryEntry>(2);
        if (ticket.AssigneeId is null)
        {
            replies.Add(BotReply.Plain(JoinedText(ticket, agent)));
            history.Add(new TicketHistoryEntry(now, actor.Name, "assigned", "nobody → " + agent.Name));
        }

        replies.Add(new BotReply(text, []) { Agent = new AgentSignature(agent.Name, agent.Code), TicketNumber = number });
        history.Add(new TicketHistoryEntry(now, actor.Name, "reply", null));
        var transcript = new List<TranscriptLine>(replies.Count);
        foreach (var reply in replies)
        {
            transcript.Add(new TranscriptLine(
                reply.Agent is null ? TranscriptDirection.Bot : TranscriptDirection.Agent,
                reply.Agent is null ? reply.Text : agent.Name + ": " + reply.Text,
                now));
        }

        return await ApplyAsync(
            ticket,
            new TicketChange
            {
                Number = number,
                ExpectedVersion = ticket.Version,
                At = now,
                Assignee = ticket.AssigneeId is null ? new AssigneeChange(agent.Id, agent.Name) : null,
                Status = ticket.Status is TicketStatus.New or TicketStatus.Resolved or TicketStatus.Closed
                    ? TicketStatus.Assigned
                    : null,
                FirstResponse = true,
                History = history,
                Transcript = transcript,
                Outbox = replies,
            },
            TicketEventKind.AgentReply,
            cancellationToken);
    }

    /// <summary>Adds an internal note (never shown to the user). A note holding a secret is refused too: notes are
    /// stored, and a secret must never be.</summary>
    public async Task<DeskResult> AddNoteAsync(
        long number, DeskActor actor, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(text);
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return new DeskResult(DeskOutcome.Invalid, ticket) { Problem = "The note is empty." };
        }

        // A note may name secrets ("user says they never shared the seed phrase"); only a pasted secret is refused.
        var scan = _scanner.Scan(text, ScanContext.None);
        if (scan.HasSecrets)
        {
            return new DeskResult(DeskOutcome.Blocked, ticket) { BlockedSecret = scan.Findings.Min(f => f.Kind) };
        }

        var now = _time.GetUtcNow();
        return await ApplyAsync(
            ticket,
            new TicketChange
            {
                Number = number,
                At = now,
                Note = new TicketNote(0, actor.Agent?.Id ?? 0, actor.Agent?.Name ?? actor.Name, text, now),
                History = [new TicketHistoryEntry(now, actor.Name, "note", null)],
            },
            TicketEventKind.Note,
            cancellationToken);
    }

    /// <summary>Moves the ticket to <paramref name="status"/>. Resolving asks the user for a rating in their chat;
    /// closing tells them; going back to new unassigns.</summary>
    public async Task<DeskResult> SetStatusAsync(
        long number, DeskActor actor, TicketStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        if (ticket.Status == status)
        {
            return new DeskResult(DeskOutcome.Done, ticket);
        }

        if (!TicketLifecycle.CanMove(ticket.Status, status))
        {
            return new DeskResult(DeskOutcome.Invalid, ticket)
            {
                Problem = $"A {TicketLifecycle.Name(ticket.Status)} ticket cannot become {TicketLifecycle.Name(status)}.",
            };
        }

        if (status is TicketStatus.Assigned or TicketStatus.WaitingOnUser && ticket.AssigneeId is null && actor.Agent is null)
        {
            return new DeskResult(DeskOutcome.Invalid, ticket) { Problem = "Assign the ticket to an agent first." };
        }

        var now = _time.GetUtcNow();
        var replies = new List<BotReply>(1);
        switch (status)
        {
            case TicketStatus.Resolved:
                replies.Add(UserTickets.RatingQuestion(_catalog, ticket));
                break;
            case TicketStatus.Closed:
                replies.Add(BotReply.Plain(Text(TextKeys.HandoffClosed, ticket)) with { TicketNumber = number });
                break;
        }

        var takeOver = status is TicketStatus.Assigned or TicketStatus.WaitingOnUser && ticket.AssigneeId is null;
        return await ApplyAsync(
            ticket,
            new TicketChange
            {
                Number = number,
                ExpectedVersion = ticket.Version,
                At = now,
                Status = status,
                Assignee = status == TicketStatus.New
                    ? AssigneeChange.Nobody
                    : takeOver ? new AssigneeChange(actor.Agent!.Id, actor.Agent.Name) : null,
                History = [new TicketHistoryEntry(now, actor.Name, "status", TicketLifecycle.Name(ticket.Status) + " → " + TicketLifecycle.Name(status))],
                Transcript = [.. replies.Select(r => new TranscriptLine(TranscriptDirection.Bot, r.Text, now))],
                Outbox = replies,
            },
            TicketEventKind.Changed,
            cancellationToken);
    }

    /// <summary>Changes the priority.</summary>
    public async Task<DeskResult> SetPriorityAsync(
        long number, DeskActor actor, TicketPriority priority, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        if (ticket.Priority == priority)
        {
            return new DeskResult(DeskOutcome.Done, ticket);
        }

        var now = _time.GetUtcNow();
        return await ApplyAsync(
            ticket,
            new TicketChange
            {
                Number = number,
                At = now,
                Priority = priority,
                History = [new TicketHistoryEntry(now, actor.Name, "priority", ticket.Priority + " → " + priority)],
            },
            TicketEventKind.Changed,
            cancellationToken);
    }

    private async Task<DeskResult> AssignCoreAsync(Ticket ticket, DeskActor actor, Agent agent, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var joined = BotReply.Plain(JoinedText(ticket, agent)) with { TicketNumber = ticket.Number };
        return await ApplyAsync(
            ticket,
            new TicketChange
            {
                Number = ticket.Number,
                ExpectedVersion = ticket.Version,
                At = now,
                Assignee = new AssigneeChange(agent.Id, agent.Name),
                Status = ticket.Status is TicketStatus.New or TicketStatus.Resolved or TicketStatus.Closed
                    ? TicketStatus.Assigned
                    : null,
                History = [new TicketHistoryEntry(now, actor.Name, "assigned", (ticket.AssigneeName ?? "nobody") + " → " + agent.Name)],
                Transcript = [new TranscriptLine(TranscriptDirection.Bot, joined.Text, now)],
                Outbox = [joined],
            },
            TicketEventKind.Changed,
            ct);
    }

    private async Task<DeskResult> ApplyAsync(
        Ticket before, TicketChange change, TicketEventKind kind, CancellationToken ct)
    {
        Ticket? after;
        try
        {
            after = await _tickets.ApplyTicketChangeAsync(change, ct);
        }
        catch (TicketConflictException)
        {
            // Someone else changed it between our read and our write: the caller sees who has it now.
            var current = await _tickets.GetTicketAsync(before.Number, ct);
            return current?.AssigneeId is not null && change.Assignee is not null
                ? new DeskResult(DeskOutcome.AlreadyClaimed, current) { ClaimedBy = current.AssigneeName }
                : new DeskResult(DeskOutcome.Invalid, current) { Problem = "The ticket was changed by someone else; reload it and try again." };
        }

        if (after is null)
        {
            return new DeskResult(DeskOutcome.NotFound, null);
        }

        if (change.Outbox.Count > 0)
        {
            _signal?.Notify(after.Conversation.Channel);
        }

        _events.Publish(new TicketEvent(after.Number, kind, change.At));
        return new DeskResult(DeskOutcome.Done, after);
    }

    private string JoinedText(Ticket ticket, Agent agent) =>
        _catalog.Text(TextKeys.HandoffAgentJoined).Format(
            ticket.Locale,
            ("agent", agent.Name),
            ("code", agent.Code),
            ("number", ticket.Number.ToString(CultureInfo.InvariantCulture)));

    private string Text(string key, Ticket ticket) =>
        _catalog.Text(key).Format(ticket.Locale, ("number", ticket.Number.ToString(CultureInfo.InvariantCulture)));
}
