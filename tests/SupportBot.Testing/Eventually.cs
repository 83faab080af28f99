namespace SupportBot.Testing;

/// <summary>Waits for a value that background work produces (a summary written after the turn), checking after
/// each short pause and failing after a generous deadline rather than hanging the run.</summary>
public static class Eventually
{
    /// <summary>The first non-null value <paramref name="read"/> returns; fails after <paramref name="deadline"/>
    /// (30 s when not given).</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, TimeSpan? deadline = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException("The value did not appear within the deadline.");
            }
        }
    }
}
