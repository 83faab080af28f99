using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>Runs every write on the store's one write connection, with group commit: writes that arrive while a
/// transaction is running wait and then go together into the next one, each inside its own savepoint. A write that
/// fails (a version conflict, a constraint) rolls back to its savepoint alone; the others still commit. Under light
/// load a batch is one write, so latency is that of a plain transaction; under load the fixed cost of a transaction
/// (the WAL frames of shared pages, BEGIN and COMMIT) is paid once per batch instead of once per turn.</summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 128;

    private readonly Channel<SqliteWrite> _queue =
        Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteSession _session;
    private readonly Task _loop;
    private readonly List<SqliteWrite> _batch = new(MaxBatch);

    public SqliteWriteQueue(SqliteSession session)
    {
        _session = session;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a write. Once queued it runs even if the caller stops waiting, so cancellation is honoured
    /// only before that; a turn commit is short and must not be left in doubt.</summary>
    public Task<long> SubmitAsync(Func<SqliteSession, long> execute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new SqliteWrite(execute);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Task;
    }

    /// <summary>Finishes the writes already queued, then closes the write connection.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete())
        {
            _loop.GetAwaiter().GetResult();
            _session.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete())
        {
            await _loop;
            _session.Dispose();
        }
    }

    private static bool InTransaction(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    private async Task RunAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (_batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                _batch.Add(write);
            }

            RunBatch();
            _batch.Clear();
        }
    }

    private void RunBatch()
    {
        try
        {
            Execute("BEGIN IMMEDIATE");
            foreach (var write in _batch)
            {
                Execute("SAVEPOINT turn");
                try
                {
                    write.Execute(_session);
                }
                catch (Exception failure) when (failure is not OutOfMemoryException)
                {
                    // An I/O error or a full disk can end the whole transaction; then the writes before this one
                    // are gone too, and the batch fails as one.
                    if (!InTransaction(_session.Connection))
                    {
                        throw;
                    }

                    write.FailAlone(failure);
                    Execute("ROLLBACK TO turn");
                }

                Execute("RELEASE turn");
            }

            Execute("COMMIT");
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            RollBackQuietly();
            foreach (var write in _batch)
            {
                write.FailWithBatch(failure);
            }

            return;
        }

        foreach (var write in _batch)
        {
            write.Publish();
        }
    }

    private void Execute(string sql) => _session.Command(sql).ExecuteNonQuery();

    private void RollBackQuietly()
    {
        try
        {
            if (InTransaction(_session.Connection))
            {
                Execute("ROLLBACK");
            }
        }
        catch (SqliteException)
        {
            // The batch already fails with the first error, which says more than this one; SQLite rolls back an
            // open transaction itself when the connection closes.
        }
    }
}
