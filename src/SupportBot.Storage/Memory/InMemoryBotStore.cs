using System.Collections.Concurrent;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>A thread-safe store that lives in memory, for tests and benchmarks. It follows the same contract as the
/// SQLite store (including times kept to the millisecond) but nothing survives the process. Each conversation has
/// its own lock, so different conversations commit in parallel.</summary>
public sealed partial class InMemoryBotStore : IConversationStore, ITicketStore, IOutboxStore, IAgentStore, IChannelStateStore
{
    private const long FirstTicketNumber = 100001;

    private readonly ConcurrentDictionary<ConversationKey, MemoryConversation> _conversations = new();
    private readonly MemoryTickets _tickets = new();
    private readonly MemoryAgents _agents = new();
    private readonly MemoryOutbox _outbox = new();
    private readonly MemoryChannelState _channelState = new();
    private long _lastTicketNumber = FirstTicketNumber - 1;

    /// <summary>Tickets the ticket reads have looked at so far: a test compares it per turn at two table sizes.</summary>
    internal long TicketRowsVisited => _tickets.RowsVisited;

    /// <summary>Adds an agent with this code, or updates the name and state of the one that has it (a test helper;
    /// the account has the <see cref="AgentRole.Agent"/> role and no password).</summary>
    public void AddAgent(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _agents.Put(agent);
    }

    /// <inheritdoc />
    public Task<StoredConversation?> LoadAsync(
        ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        StoredConversation? stored = null;
        if (_conversations.TryGetValue(conversation, out var entry))
        {
            lock (entry.Gate)
            {
                if (entry.Version > 0)
                {
                    // A copy, so a caller that reuses the array cannot change what is "stored".
                    var state = entry.State.AsSpan().ToArray();
                    stored = new StoredConversation(conversation, entry.UserId, entry.Version, state);
                }
            }
        }

        return Task.FromResult(stored);
    }

    /// <inheritdoc />
    public Task<bool> WasProcessedAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(messageId);
        var processed = false;
        if (_conversations.TryGetValue(conversation, out var entry))
        {
            lock (entry.Gate)
            {
                processed = entry.ProcessedMessageIds.Contains(messageId);
            }
        }

        return Task.FromResult(processed);
    }

    /// <inheritdoc />
    public Task<long> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        TurnCommitValidation.Validate(commit);
        try
        {
            return Task.FromResult(Commit(commit));
        }
        catch (Exception conflict) when (conflict is ConcurrencyConflictException or TicketConflictException)
        {
            return Task.FromException<long>(conflict);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TranscriptLine>> GetTranscriptAsync(
        ConversationKey conversation, long fromSeq = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!_conversations.TryGetValue(conversation, out var entry))
        {
            return Task.FromResult<IReadOnlyList<TranscriptLine>>([]);
        }

        lock (entry.Gate)
        {
            var start = (int)Math.Clamp(fromSeq - 1, 0, entry.Transcript.Count);
            var lines = new TranscriptLine[entry.Transcript.Count - start];
            entry.Transcript.CopyTo(start, lines, 0, lines.Length);
            return Task.FromResult<IReadOnlyList<TranscriptLine>>(lines);
        }
    }

    /// <inheritdoc />
    public Task<long> NextTicketNumberAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Interlocked.Increment(ref _lastTicketNumber));

    /// <inheritdoc />
    public Task<Ticket?> GetTicketAsync(long number, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.Get(number));

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListTicketsForUserAsync(
        string channel, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);

        return Task.FromResult<IReadOnlyList<Ticket>>(_tickets.OfUser(channel, userId));
    }

    /// <inheritdoc />
    /// <remarks>A message waiting for a retry holds back the later messages of the same conversation, so a chat
    /// never receives replies out of order.</remarks>
    public Task<IReadOnlyList<OutboxMessage>> FetchPendingAsync(
        string channel, DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Task.FromResult(_outbox.FetchPending(channel, Truncate(now), max));
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _outbox.MarkDelivered(id);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(
        long id, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _outbox.MarkFailed(id, Truncate(retryAt));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkUndeliverableAsync(
        long id, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (_outbox.MarkDelivered(id) is { } conversation)
        {
            _tickets.MarkUnreachable(conversation, reason, Truncate(at));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AgentIdentity?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Task.FromResult(_agents.FindByCode(code));
    }

    // The SQLite store keeps milliseconds; doing the same here keeps both stores answering alike.
    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private long Commit(TurnCommit commit)
    {
        var key = commit.Conversation;
        var entry = _conversations.GetOrAdd(key, static _ => new MemoryConversation());
        lock (entry.Gate)
        {
            // Every check comes before the first change, so a failed commit leaves nothing behind.
            if (entry.Version != commit.ExpectedVersion
                || (commit.InboundMessageId is { } id && entry.ProcessedMessageIds.Contains(id)))
            {
                throw new ConcurrencyConflictException(key, commit.ExpectedVersion);
            }

            var at = Truncate(commit.At);
            var lastSeq = entry.Transcript.Count + commit.Transcript.Count;
            var created = commit.NewTicket is { } ticket ? ToTicket(ticket, entry.LastTicketToSeq + 1) : null;

            // The only writes that can fail (a reused number, a stale ticket version), so they go first; most turns
            // touch no ticket and skip the ticket table's lock.
            if (created is not null || commit.MarkSecretExposed.Count > 0 || commit.TicketChanges.Count > 0)
            {
                _tickets.CommitTurn(created, commit.MarkSecretExposed, commit.TicketChanges, at);
            }
            if (created is not null)
            {
                entry.LastTicketToSeq = lastSeq;
            }

            if (commit.InboundMessageId is { } messageId)
            {
                entry.ProcessedMessageIds.Add(messageId);
            }

            for (var i = 0; i < commit.Transcript.Count; i++)
            {
                var line = commit.Transcript[i];
                entry.Transcript.Add(line with { Seq = entry.Transcript.Count + 1, At = Truncate(line.At) });
            }

            for (var i = 0; i < commit.Outbox.Count; i++)
            {
                _outbox.Enqueue(key, commit.Outbox[i], at);
            }

            entry.UserId = commit.UserId;
            entry.State = commit.State.AsSpan().ToArray();
            entry.Version = commit.ExpectedVersion + 1;
            return entry.Version;
        }
    }

    private static Ticket ToTicket(NewTicket ticket, long transcriptFromSeq)
    {
        var createdAt = Truncate(ticket.CreatedAt);
        return new Ticket
        {
            Number = ticket.Number,
            Conversation = ticket.Conversation,
            UserId = ticket.UserId,
            UserName = ticket.UserName,
            Category = ticket.Category,
            Priority = ticket.Priority,
            Status = TicketStatus.New,
            SecretExposed = ticket.SecretExposed,
            Locale = ticket.Locale,
            Details = [.. ticket.Details],
            TranscriptFromSeq = transcriptFromSeq,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            Version = 1,
        };
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> QueryTicketsAsync(
        TicketQuery query, CancellationToken cancellationToken = default)
    {
        TicketQueryValidation.Validate(query);
        return Task.FromResult(_tickets.Query(query));
    }

    /// <inheritdoc />
    public Task<int> CountTicketsAsync(TicketQuery query, CancellationToken cancellationToken = default)
    {
        TicketQueryValidation.Validate(query);
        return Task.FromResult(_tickets.Count(query));
    }

    /// <inheritdoc />
    public Task<Ticket?> ApplyTicketChangeAsync(TicketChange change, CancellationToken cancellationToken = default)
    {
        TicketChangeApplier.Validate(change);
        if (_tickets.Get(change.Number) is not { } current
            || !_conversations.TryGetValue(current.Conversation, out var entry))
        {
            return Task.FromResult<Ticket?>(null);
        }

        try
        {
            // The conversation's lock first (as a turn takes it), so the transcript lines and replies slot in between
            // turns, never inside one.
            lock (entry.Gate)
            {
                var changed = _tickets.Apply(change);
                if (changed is null)
                {
                    return Task.FromResult<Ticket?>(null);
                }

                foreach (var line in change.Transcript)
                {
                    entry.Transcript.Add(line with { Seq = entry.Transcript.Count + 1, At = Truncate(line.At) });
                }

                var at = Truncate(change.At);
                foreach (var reply in change.Outbox)
                {
                    _outbox.Enqueue(current.Conversation, reply, at);
                }

                return Task.FromResult<Ticket?>(changed);
            }
        }
        catch (TicketConflictException conflict)
        {
            return Task.FromException<Ticket?>(conflict);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketNote>> GetNotesAsync(long number, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.Notes(number));

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketHistoryEntry>> GetHistoryAsync(
        long number, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.History(number));

    /// <inheritdoc />
    public Task<int> QueuePositionAsync(long number, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.QueuePosition(number));

    /// <inheritdoc />
    public Task<TicketStats> GetStatsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.Stats(Truncate(since)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListResolvedBeforeAsync(
        DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tickets.ResolvedBefore(Truncate(resolvedBefore)));

    /// <inheritdoc />
    public Task<Agent> CreateAgentAsync(NewAgent agent, CancellationToken cancellationToken = default)
    {
        AgentValidation.Validate(agent);
        try
        {
            return Task.FromResult(_agents.Create(agent with { CreatedAt = Truncate(agent.CreatedAt) }));
        }
        catch (DuplicateAgentException duplicate)
        {
            return Task.FromException<Agent>(duplicate);
        }
    }

    /// <inheritdoc />
    public Task<Agent?> GetAgentAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_agents.Get(id));

    /// <inheritdoc />
    public Task<Agent?> FindAgentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Task.FromResult(_agents.FindByName(name));
    }

    /// <inheritdoc />
    public Task<Agent?> FindAgentByLinkAsync(
        string channel, string externalUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalUserId);
        return Task.FromResult(_agents.FindByLink(channel, externalUserId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_agents.List());

    /// <inheritdoc />
    public Task<string?> GetPasswordHashAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_agents.GetPasswordHash(id));

    /// <inheritdoc />
    public Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        _agents.SetPasswordHash(id, passwordHash);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LinkAgentAsync(long id, AgentLink link, CancellationToken cancellationToken = default)
    {
        AgentValidation.Validate(link);
        try
        {
            _agents.Link(id, link);
            return Task.CompletedTask;
        }
        catch (InvalidOperationException unknown)
        {
            return Task.FromException(unknown);
        }
    }

    /// <inheritdoc />
    public Task SetAgentActiveAsync(long id, bool active, CancellationToken cancellationToken = default)
    {
        _agents.SetActive(id, active);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetCursorAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Task.FromResult(_channelState.GetCursor(name));
    }

    /// <inheritdoc />
    public Task SetCursorAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _channelState.SetCursor(name, value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetTicketLinkAsync(string channel, long ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Task.FromResult(_channelState.GetTicketLink(channel, ticket));
    }

    /// <inheritdoc />
    public Task<long?> FindTicketByLinkAsync(
        string channel, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        return Task.FromResult(_channelState.FindTicket(channel, externalId));
    }

    /// <inheritdoc />
    public Task SetTicketLinkAsync(
        string channel, long ticket, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        _channelState.SetTicketLink(channel, ticket, externalId);
        return Task.CompletedTask;
    }
}
