using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>Read sessions. WAL lets readers run beside the writer and each other, so reads take a session from here
/// instead of queueing behind the write lock. Keeps at most <c>capacity</c> idle sessions; extras are closed.</summary>
internal sealed class SqliteSessionPool : IDisposable
{
    private const int ReaderCacheKibibytes = 8 * 1024;

    // A queue and a separate count, not a ConcurrentBag: the bag's Count freezes the bag (takes every thread's lock),
    // and Return asked for it on every read; under 64 concurrent requests that lock was a top contention point.
    private readonly ConcurrentQueue<SqliteSession> _idle = new();
    private int _idleCount;
    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly int _capacity;
    private volatile bool _disposed;

    public SqliteSessionPool(string connectionString, TimeSpan busyTimeout, int capacity)
    {
        _connectionString = connectionString;
        _busyTimeout = busyTimeout;
        _capacity = capacity;
    }

    public SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return SqliteSession.Open(_connectionString, _busyTimeout, ReaderCacheKibibytes);
    }

    public void Return(SqliteSession session)
    {
        // The count is approximate under contention; a session too many is harmless.
        if (_disposed || Volatile.Read(ref _idleCount) >= _capacity)
        {
            session.Dispose();
            return;
        }

        Interlocked.Increment(ref _idleCount);
        _idle.Enqueue(session);
        while (_disposed && _idle.TryDequeue(out var late))
        {
            Interlocked.Decrement(ref _idleCount);
            late.Dispose();
        }
    }

    /// <summary>Runs one query on a pooled session. The delegates are static and take <paramref name="argument"/> so
    /// the hot read path allocates no closures.</summary>
    public async Task<TResult> ReadAsync<TArgument, TResult>(
        string sql,
        TArgument argument,
        Action<SqliteParameterCollection, TArgument> bind,
        Func<SqliteDataReader, TArgument, TResult> map,
        CancellationToken cancellationToken)
    {
        var session = Rent();
        try
        {
            var command = session.Command(sql);
            bind(command.Parameters, argument);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return map(reader, argument);
        }
        finally
        {
            Return(session);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
        }
    }
}
