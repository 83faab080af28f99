using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>The web chat's own SQLite file (WAL): conversations, their activity logs, uploaded files and the token
/// signing key. Writes go through one connection with group commit (writes that arrive while a transaction runs go
/// together into the next one), so many conversations appending at once cost one fsync-free WAL commit per batch;
/// reads (only when a conversation is not in memory) use a second connection.</summary>
public sealed class WebChatDatabase : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS activities (
            conversation TEXT NOT NULL, seq INTEGER NOT NULL, json BLOB NOT NULL, from_user INTEGER NOT NULL,
            outbox_id INTEGER, client_id TEXT, choices TEXT, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS uploads (
            id TEXT PRIMARY KEY, conversation TEXT NOT NULL, name TEXT NOT NULL, content_type TEXT NOT NULL,
            content BLOB NOT NULL, created_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS uploads_by_conversation ON uploads (conversation);
        """;

    private readonly Channel<PendingWrite> _writes =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly Lock _readLock = new();
    private readonly Task _loop;
    private SqliteCommand? _insertActivity;
    private SqliteCommand? _begin;
    private SqliteCommand? _commit;

    private WebChatDatabase(SqliteConnection writer, SqliteConnection reader)
    {
        _writer = writer;
        _reader = reader;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Opens (creating) the database at <paramref name="path"/>; <c>:memory:</c> keeps it in memory.</summary>
    public static WebChatDatabase Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string connectionString;
        if (path == ":memory:")
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = "webchat-" + Guid.NewGuid().ToString("N"),
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
        }
        else
        {
            var full = Path.GetFullPath(path);
            Core.Storage.OwnerOnlyFiles.PrepareFile(full); // it holds the token signing key; -wal/-shm get its mode
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString();
        }

        var writer = new SqliteConnection(connectionString);
        var reader = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Execute(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
            Execute(writer, Schema);
            reader.Open();
            Execute(reader, "PRAGMA busy_timeout = 5000;");
            return new WebChatDatabase(writer, reader);
        }
        catch (SqliteException ex)
        {
            writer.Dispose();
            reader.Dispose();
            throw new InvalidOperationException($"Cannot open the web chat database at '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>The value kept under <paramref name="key"/>, creating it with <paramref name="create"/> when absent.</summary>
    public async Task<string> GetOrAddMetaAsync(string key, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var value = create();
        await WriteAsync(c =>
        {
            using var insert = Command(c, "INSERT OR IGNORE INTO meta (key, value) VALUES ($k, $v)", ("$k", key), ("$v", value));
            insert.ExecuteNonQuery();
        });
        return Read(c =>
        {
            using var select = Command(c, "SELECT value FROM meta WHERE key = $k", ("$k", key));
            return (string)select.ExecuteScalar()!;
        });
    }

    /// <summary>Records a conversation (no-op when it exists).</summary>
    public Task AddConversationAsync(string id, string userId, DateTimeOffset at) => WriteAsync(c =>
    {
        using var insert = Command(c,
            "INSERT OR IGNORE INTO conversations (id, user_id, created_at) VALUES ($id, $user, $at)",
            ("$id", id), ("$user", userId), ("$at", at.ToUnixTimeMilliseconds()));
        insert.ExecuteNonQuery();
    });

    /// <summary>Appends one activity to a conversation's log.</summary>
    public Task AppendAsync(string conversation, LoggedActivity activity) => AppendAsync(conversation, [activity]);

    /// <summary>Appends activities to a conversation's log in one write (all or none).</summary>
    public Task AppendAsync(string conversation, IReadOnlyList<LoggedActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return WriteAsync(c =>
        {
            // Runs on the write loop only, so one prepared statement serves every append.
            var insert = _insertActivity ??= PrepareInsert(c);
            foreach (var activity in activities)
            {
                insert.Parameters[0].Value = conversation;
                insert.Parameters[1].Value = activity.Seq;
                insert.Parameters[2].Value = activity.StoredJson ?? activity.Json;
                insert.Parameters[3].Value = activity.FromUser ? 1 : 0;
                insert.Parameters[4].Value = (object?)activity.OutboxId ?? DBNull.Value;
                insert.Parameters[5].Value = (object?)activity.ClientActivityId ?? DBNull.Value;
                insert.Parameters[6].Value = (object?)activity.Choices ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Stores an uploaded file.</summary>
    public Task AddUploadAsync(string id, string conversation, string name, string contentType, byte[] content, DateTimeOffset at) =>
        WriteAsync(c =>
        {
            using var insert = Command(c,
                "INSERT INTO uploads (id, conversation, name, content_type, content, created_at) VALUES ($id, $c, $n, $t, $b, $at)",
                ("$id", id), ("$c", conversation), ("$n", name), ("$t", contentType), ("$b", content),
                ("$at", at.ToUnixTimeMilliseconds()));
            insert.ExecuteNonQuery();
        });

    /// <summary>The bytes of uploaded files kept for <paramref name="conversation"/>, or for all conversations when
    /// null.</summary>
    public long UploadBytes(string? conversation) => Read(c =>
    {
        using var select = conversation is null
            ? Command(c, "SELECT COALESCE(SUM(length(content)), 0) FROM uploads")
            : Command(c, "SELECT COALESCE(SUM(length(content)), 0) FROM uploads WHERE conversation = $c", ("$c", conversation));
        return (long)select.ExecuteScalar()!;
    });

    /// <summary>Deletes the uploads whose bytes are not of an accepted type (kept by versions that stored every
    /// upload); returns how many.</summary>
    public async Task<int> DeleteRefusedUploadsAsync()
    {
        var refused = Read(c =>
        {
            var ids = new List<string>();
            using var select = Command(c, "SELECT id, substr(content, 1, 16) FROM uploads");
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                if (UploadTypes.Sniff((byte[])reader.GetValue(1)) is null)
                {
                    ids.Add(reader.GetString(0));
                }
            }

            return ids;
        });
        if (refused.Count > 0)
        {
            await WriteAsync(c =>
            {
                foreach (var id in refused)
                {
                    using var delete = Command(c, "DELETE FROM uploads WHERE id = $id", ("$id", id));
                    delete.ExecuteNonQuery();
                }
            });
        }

        return refused.Count;
    }

    /// <summary>An uploaded file of <paramref name="conversation"/>, or null.</summary>
    public (string ContentType, string Name, byte[] Content)? GetUpload(string conversation, string id) => Read(c =>
    {
        using var select = Command(c,
            "SELECT content_type, name, content FROM uploads WHERE id = $id AND conversation = $c", ("$id", id), ("$c", conversation));
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)) : ((string, string, byte[])?)null;
    });

    /// <summary>Loads a conversation with its whole log, or null when it was never started.</summary>
    public ConversationLog? Load(string id) => Read(c =>
    {
        string userId;
        using (var conversation = Command(c, "SELECT user_id FROM conversations WHERE id = $id", ("$id", id)))
        {
            if (conversation.ExecuteScalar() is not string user)
            {
                return null;
            }

            userId = user;
        }

        var activities = new List<LoggedActivity>();
        using var select = Command(c,
            "SELECT seq, json, from_user, outbox_id, client_id, choices FROM activities WHERE conversation = $id ORDER BY seq",
            ("$id", id));
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            activities.Add(new LoggedActivity(
                reader.GetInt64(0),
                (byte[])reader.GetValue(1),
                reader.GetInt64(2) != 0,
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return new ConversationLog(id, userId, activities);
    });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writes.Writer.TryComplete())
        {
            await _loop;
            _insertActivity?.Dispose();
            _begin?.Dispose();
            _commit?.Dispose();
            _writer.Dispose();
            _reader.Dispose();
        }
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var insert = Prepared(connection,
            "INSERT INTO activities (conversation, seq, json, from_user, outbox_id, client_id, choices) "
            + "VALUES ($c, $s, $j, $u, $o, $ci, $ch)");
        foreach (var name in (string[])["$c", "$s", "$j", "$u", "$o", "$ci", "$ch"])
        {
            insert.Parameters.Add(new SqliteParameter(name, null));
        }

        return insert;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private T Read<T>(Func<SqliteConnection, T> read)
    {
        lock (_readLock)
        {
            return read(_reader);
        }
    }

    private Task WriteAsync(Action<SqliteConnection> write)
    {
        var pending = new PendingWrite(write);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(pending), this);
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                (_begin ??= Prepared(_writer, "BEGIN IMMEDIATE")).ExecuteNonQuery();
                foreach (var write in batch)
                {
                    write.Execute(_writer);
                }

                (_commit ??= Prepared(_writer, "COMMIT")).ExecuteNonQuery();
                foreach (var write in batch)
                {
                    write.Done.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                try
                {
                    Execute(_writer, "ROLLBACK");
                }
                catch (SqliteException)
                {
                }

                foreach (var write in batch)
                {
                    write.Done.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private sealed class PendingWrite(Action<SqliteConnection> execute)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute(SqliteConnection connection) => execute(connection);
    }
}
