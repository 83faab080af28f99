using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>An open connection with its prepared commands, reused across calls: preparing a statement costs more
/// than running it, and the hot path runs the same few statements thousands of times a second. Not thread-safe; the
/// store hands a session to one caller at a time.</summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>Opens a connection. <paramref name="cacheKibibytes"/>: the page cache; the writer gets a big one
    /// because with many conversations each turn touches pages all over the file, and SQLite's 2 MB default made
    /// commits re-read them (measured: about half the commit time with thousands of conversations).</summary>
    public static SqliteSession Open(string connectionString, TimeSpan busyTimeout, int cacheKibibytes)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();

            // journal_mode is stored in the file; the rest are per connection. WAL with NORMAL survives a process
            // crash (kill -9) without losing a commit; only an OS crash may lose the last few. mmap lets reads skip a
            // copy per page.
            var busyMilliseconds = (long)busyTimeout.TotalMilliseconds;
            pragmas.CommandText =
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                + "PRAGMA mmap_size = 268435456; "
                + FormattableString.Invariant(
                    $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA cache_size = -{cacheKibibytes};");
            pragmas.ExecuteNonQuery();
            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The prepared command for <paramref name="sql"/>, with its parameters cleared. Transactions are
    /// plain BEGIN/COMMIT statements (see <see cref="SqliteWriteQueue"/>), so commands carry no transaction object.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
