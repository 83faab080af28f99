using System.Collections.Concurrent;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>A thread-safe store that lives in memory, for tests and benchmarks. It follows the same contract as the
/// SQLite store (including times kept to the millisecond) but nothing survives the process. Each conversation has
/// its own lock, so different conversations commit in parallel.</summary>
public sealed class InMemoryBotStore : IConversationStore, ITicketStore, IOutboxStore, IAgentDirectory
{
    private const long FirstTicketNumber = 100001;

    private readonly ConcurrentDictionary<ConversationKey, MemoryConversation> _conversations = new();
    private readonly ConcurrentDictionary<long, Ticket> _tickets = new();
    private readonly ConcurrentDictionary<string, AgentIdentity> _agents = new(StringComparer.OrdinalIgnoreCase);
    private readonly MemoryOutbox _outbox = new();
    private long _lastTicketNumber = FirstTicketNumber - 1;

    /// <summary>Adds or replaces an agent, as the agent-accounts feature will do in the durable stores.</summary>
    public void AddAgent(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _agents[agent.Code] = agent;
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
        catch (ConcurrencyConflictException conflict)
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
        Task.FromResult(_tickets.TryGetValue(number, out var ticket) ? ticket : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListTicketsForUserAsync(
        string channel, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);

        // A scan: listing a user's tickets is rare and off the turn path.
        var tickets = new List<Ticket>();
        foreach (var ticket in _tickets.Values)
        {
            if (ticket.Conversation.Channel == channel && ticket.UserId == userId)
            {
                tickets.Add(ticket);
            }
        }

        tickets.Sort(static (a, b) =>
        {
            var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
            return byTime != 0 ? byTime : b.Number.CompareTo(a.Number);
        });
        return Task.FromResult<IReadOnlyList<Ticket>>(tickets);
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
        // TODO(issue 4 storage): mark the conversation's open tickets unreachable.
        _outbox.MarkDelivered(id);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AgentIdentity?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Task.FromResult(_agents.TryGetValue(code, out var agent) ? agent : null);
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
            if (commit.NewTicket is { } ticket)
            {
                // The only change that can fail (a reused number), so it goes first.
                if (!_tickets.TryAdd(ticket.Number, ToTicket(ticket, entry.LastTicketToSeq + 1)))
                {
                    throw new InvalidOperationException($"Ticket number {ticket.Number} is already used.");
                }

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

            for (var i = 0; i < commit.MarkSecretExposed.Count; i++)
            {
                MarkSecretExposed(commit.MarkSecretExposed[i], at);
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

    private void MarkSecretExposed(long number, DateTimeOffset at)
    {
        while (_tickets.TryGetValue(number, out var current))
        {
            var marked = current with
            {
                Priority = TicketPriority.Urgent,
                SecretExposed = true,
                Version = current.Version + 1,
                UpdatedAt = at,
            };
            if (_tickets.TryUpdate(number, marked, current))
            {
                return;
            }
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

    // TODO(issue 4 storage): the ticket desk's queries and changes; the storage helper replaces these stubs.
    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> QueryTicketsAsync(TicketQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<int> CountTicketsAsync(TicketQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<Ticket?> ApplyTicketChangeAsync(TicketChange change, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketNote>> GetNotesAsync(long number, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketHistoryEntry>> GetHistoryAsync(long number, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<int> QueuePositionAsync(long number, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<TicketStats> GetStatsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListResolvedBeforeAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
