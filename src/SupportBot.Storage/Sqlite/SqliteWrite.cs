namespace SupportBot.Storage.Sqlite;

/// <summary>One write waiting for the write queue: the statements to run and the caller's task. The task completes
/// only after the transaction holding the write has committed, so a caller never sees an unsaved result.</summary>
internal sealed class SqliteWrite
{
    // Continuations run on the thread pool, not inline on the writer, which would otherwise stall behind callers.
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<SqliteSession, long> _execute;
    private long _result;
    private Exception? _failure;

    public SqliteWrite(Func<SqliteSession, long> execute) => _execute = execute;

    public Task<long> Task => _completion.Task;

    /// <summary>Whether this write failed on its own (its savepoint was rolled back; the batch goes on).</summary>
    public bool Failed => _failure is not null;

    public void Execute(SqliteSession session) => _result = _execute(session);

    public void FailAlone(Exception failure) => _failure = failure;

    /// <summary>The batch committed: report the result, or this write's own failure.</summary>
    public void Publish()
    {
        if (_failure is null)
        {
            _completion.TrySetResult(_result);
        }
        else
        {
            _completion.TrySetException(_failure);
        }
    }

    /// <summary>The whole batch was lost (nothing of it is stored).</summary>
    public void FailWithBatch(Exception failure) => _completion.TrySetException(_failure ?? failure);
}
