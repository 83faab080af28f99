using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The durable store: conversations, transcript, tickets (with notes and history), outbox, agents and the
/// channels' state in one SQLite file (WAL).
/// Writes go through one long-lived connection (SQLite has a single writer anyway), batched by
/// <see cref="SqliteWriteQueue"/>; reads use a small pool of connections and run beside the writer. Database failures
/// surface as <see cref="SqliteException"/>.</summary>
public sealed partial class SqliteBotStore : IConversationStore, ITicketStore, IOutboxStore, IAgentStore, IChannelStateStore,
    IAsyncDisposable, IDisposable
{
    private const int WriterCacheKibibytes = 64 * 1024;

    private readonly SqliteWriteQueue _writes;
    private readonly SqliteSessionPool _readers;
    private int _disposed;

    private SqliteBotStore(string path, SqliteSession writer, SqliteSessionPool readers)
    {
        DatabasePath = path;
        _writes = new SqliteWriteQueue(writer);
        _readers = readers;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens (creating if needed) the database at <see cref="SqliteStoreOptions.Path"/>: creates the folder,
    /// switches to WAL and applies any missing migrations. A file that cannot be created or opened fails with an
    /// <see cref="InvalidOperationException"/> naming the path.</summary>
    public static async Task<SqliteBotStore> OpenAsync(
        SqliteStoreOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));

        var path = Path.GetFullPath(options.Path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,

            // The store keeps its own sessions with prepared commands; the driver's pool would only add a layer.
            Pooling = false,

            // The driver retries a busy database until this many seconds pass (0 would mean forever), on top of
            // SQLite's own busy_timeout; keep the two alike so a locked database fails in about BusyTimeout.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();

        SqliteSession? writer = null;
        try
        {
            OwnerOnlyFiles.PrepareFile(path); // SQLite gives its -wal and -shm files the database file's mode
            writer = SqliteSession.Open(connectionString, options.BusyTimeout, WriterCacheKibibytes);
            await SqliteMigrations.ApplyAsync(writer.Connection, timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            writer?.Dispose();
            throw new InvalidOperationException($"Cannot open the SQLite store at '{path}': {ex.Message}", ex);
        }
        catch
        {
            writer?.Dispose();
            throw;
        }

        var poolSize = Math.Max(4, Environment.ProcessorCount * 2);
        return new SqliteBotStore(path, writer, new SqliteSessionPool(connectionString, options.BusyTimeout, poolSize));
    }

    /// <inheritdoc />
    public Task<StoredConversation?> LoadAsync(
        ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _readers.ReadAsync(
            SqliteQueries.Load,
            conversation,
            SqliteQueries.BindConversation,
            SqliteQueries.ReadConversation,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> WasProcessedAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(messageId);
        return _readers.ReadAsync(
            SqliteQueries.Processed,
            (conversation, messageId),
            static (p, a) =>
            {
                SqliteQueries.BindConversation(p, a.conversation);
                p.AddWithValue("$message", a.messageId);
            },
            static (reader, _) => reader.Read(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        TurnCommitValidation.Validate(commit);
        return _writes.SubmitAsync(session => SqliteTurnWriter.Commit(session, commit), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TranscriptLine>> GetTranscriptAsync(
        ConversationKey conversation, long fromSeq = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _readers.ReadAsync(
            SqliteQueries.Transcript,
            (conversation, fromSeq),
            static (p, a) =>
            {
                SqliteQueries.BindConversation(p, a.conversation);
                p.AddWithValue("$from", a.fromSeq);
            },
            static (reader, _) => SqliteQueries.ReadTranscript(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> NextTicketNumberAsync(CancellationToken cancellationToken = default) =>
        _writes.SubmitAsync(SqliteTurnWriter.NextTicketNumber, cancellationToken);

    /// <inheritdoc />
    public async Task<Ticket?> GetTicketAsync(long number, CancellationToken cancellationToken = default)
    {
        var tickets = await _readers.ReadAsync(
            SqliteQueries.Ticket,
            number,
            static (p, n) => p.AddWithValue("$number", n),
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);
        return tickets.Count == 0 ? null : tickets[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListTicketsForUserAsync(
        string channel, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);
        return _readers.ReadAsync(
            SqliteQueries.UserTickets,
            (channel, userId),
            static (p, a) =>
            {
                p.AddWithValue("$channel", a.channel);
                p.AddWithValue("$user", a.userId);
            },
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A message waiting for a retry holds back the later messages of the same conversation, so a chat
    /// never receives replies out of order.</remarks>
    public Task<IReadOnlyList<OutboxMessage>> FetchPendingAsync(
        string channel, DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>([]);
        }

        return _readers.ReadAsync(
            SqliteQueries.Pending,
            (channel, now: ToMilliseconds(now), max),
            static (p, a) =>
            {
                p.AddWithValue("$channel", a.channel);
                p.AddWithValue("$now", a.now);
                p.AddWithValue("$max", a.max);
            },
            static (reader, a) => SqliteQueries.ReadOutbox(reader, a.channel),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> UndeliveredIdsAsync(
        ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _readers.ReadAsync(
            SqliteQueries.UndeliveredIds,
            conversation,
            SqliteQueries.BindConversation,
            static (reader, _) =>
            {
                var ids = new List<long>();
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                }

                return (IReadOnlyList<long>)ids;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _writes.SubmitAsync(session => SqliteTurnWriter.MarkDelivered(session, id, at), cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(
        long id, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return _writes.SubmitAsync(
            session => SqliteTurnWriter.MarkFailed(session, id, failure, retryAt), cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkUndeliverableAsync(
        long id, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return _writes.SubmitAsync(
            session => SqliteTurnWriter.MarkUndeliverable(session, id, reason, at), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentIdentity?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _readers.ReadAsync(
            SqliteAgents.Identity,
            code,
            static (p, c) => p.AddWithValue("$code", c),
            static (reader, _) => SqliteAgents.ReadIdentity(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> GetCursorAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _readers.ReadAsync(
            SqliteChannelState.Cursor,
            name,
            static (p, n) => p.AddWithValue("$name", n),
            static (reader, _) => SqliteChannelState.ReadString(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SetCursorAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return _writes.SubmitAsync(session => SqliteChannelState.SetCursor(session, name, value), cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> GetTicketLinkAsync(string channel, long ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return _readers.ReadAsync(
            SqliteChannelState.TicketLink,
            (channel, ticket),
            static (p, a) =>
            {
                p.AddWithValue("$channel", a.channel);
                p.AddWithValue("$ticket", a.ticket);
            },
            static (reader, _) => SqliteChannelState.ReadString(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long?> FindTicketByLinkAsync(
        string channel, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        return _readers.ReadAsync(
            SqliteChannelState.LinkedTicket,
            (channel, externalId),
            static (p, a) =>
            {
                p.AddWithValue("$channel", a.channel);
                p.AddWithValue("$external", a.externalId);
            },
            static (reader, _) => SqliteChannelState.ReadNumber(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SetTicketLinkAsync(
        string channel, long ticket, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        return _writes.SubmitAsync(
            session => SqliteChannelState.SetTicketLink(session, channel, ticket, externalId), cancellationToken);
    }

    /// <summary>Closes the connections, after the writes already queued have finished.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _writes.Dispose();
            _readers.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _writes.DisposeAsync();
            _readers.Dispose();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> QueryTicketsAsync(
        TicketQuery query, CancellationToken cancellationToken = default)
    {
        TicketQueryValidation.Validate(query);
        return _readers.ReadAsync(
            SqliteTicketQueries.Build(query, count: false),
            query,
            SqliteTicketQueries.Bind,
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountTicketsAsync(TicketQuery query, CancellationToken cancellationToken = default)
    {
        TicketQueryValidation.Validate(query);
        return _readers.ReadAsync(
            SqliteTicketQueries.Build(query, count: true),
            query,
            SqliteTicketQueries.Bind,
            static (reader, _) => reader.Read() ? reader.GetInt32(0) : 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Ticket?> ApplyTicketChangeAsync(TicketChange change, CancellationToken cancellationToken = default)
    {
        TicketChangeApplier.Validate(change);
        Ticket? changed = null;

        // The result is read only after the write queue reports the transaction committed.
        await _writes.SubmitAsync(
            session =>
            {
                changed = SqliteTicketWriter.ApplyWithMessages(session, change);
                return changed is null ? 0 : 1;
            },
            cancellationToken);
        return changed;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketNote>> GetNotesAsync(long number, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteTicketQueries.Notes,
            number,
            static (p, n) => p.AddWithValue("$number", n),
            static (reader, _) => SqliteTicketQueries.ReadNotes(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketHistoryEntry>> GetHistoryAsync(
        long number, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteTicketQueries.History,
            number,
            static (p, n) => p.AddWithValue("$number", n),
            static (reader, _) => SqliteTicketQueries.ReadHistory(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task<int> QueuePositionAsync(long number, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteTicketQueries.QueuePosition,
            number,
            static (p, n) => p.AddWithValue("$number", n),
            static (reader, _) => reader.Read() ? reader.GetInt32(0) : 0,
            cancellationToken);

    /// <inheritdoc />
    public Task<TicketStats> GetStatsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteTicketQueries.Stats,
            ToMilliseconds(since),
            static (p, s) => p.AddWithValue("$since", s),
            static (reader, _) => SqliteTicketQueries.ReadStats(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListResolvedBeforeAsync(
        DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteTicketQueries.ResolvedBefore,
            ToMilliseconds(resolvedBefore),
            static (p, b) => p.AddWithValue("$before", b),
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);

    /// <inheritdoc />
    public async Task<Agent> CreateAgentAsync(NewAgent agent, CancellationToken cancellationToken = default)
    {
        AgentValidation.Validate(agent);
        var id = await _writes.SubmitAsync(session => SqliteAgents.Create(session, agent), cancellationToken);
        return new Agent
        {
            Id = id,
            Name = agent.Name,
            Role = agent.Role,
            Code = agent.Code,
            Active = true,
            CreatedAt = FromMilliseconds(ToMilliseconds(agent.CreatedAt)),
            MustChangePassword = agent.MustChangePassword,
        };
    }

    /// <inheritdoc />
    public Task<Agent?> GetAgentAsync(long id, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteAgents.ById,
            id,
            static (p, i) => p.AddWithValue("$id", i),
            static (reader, _) => SqliteAgents.ReadOne(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task<Agent?> FindAgentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _readers.ReadAsync(
            SqliteAgents.ByName,
            name,
            static (p, n) => p.AddWithValue("$name", n),
            static (reader, _) => SqliteAgents.ReadOne(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Agent?> FindAgentByLinkAsync(
        string channel, string externalUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalUserId);
        return _readers.ReadAsync(
            SqliteAgents.ByLink,
            (channel, externalUserId),
            static (p, a) =>
            {
                p.AddWithValue("$channel", a.channel);
                p.AddWithValue("$user", a.externalUserId);
            },
            static (reader, _) => SqliteAgents.ReadOne(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteAgents.All,
            0,
            static (_, _) => { },
            static (reader, _) => SqliteAgents.ReadAll(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetPasswordHashAsync(long id, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            SqliteAgents.PasswordHash,
            id,
            static (p, i) => p.AddWithValue("$id", i),
            static (reader, _) => SqliteChannelState.ReadString(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return _writes.SubmitAsync(
            session => SqliteAgents.SetPasswordHash(session, id, passwordHash), cancellationToken);
    }

    /// <inheritdoc />
    public Task LinkAgentAsync(long id, AgentLink link, CancellationToken cancellationToken = default)
    {
        AgentValidation.Validate(link);
        return _writes.SubmitAsync(session => SqliteAgents.Link(session, id, link), cancellationToken);
    }

    /// <inheritdoc />
    public Task SetAgentActiveAsync(long id, bool active, CancellationToken cancellationToken = default) =>
        _writes.SubmitAsync(session => SqliteAgents.SetActive(session, id, active), cancellationToken);
}
