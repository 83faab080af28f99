using SupportBot.Testing;

namespace SupportBot.Channels.Discord.Tests.Fakes;

/// <summary>A <see cref="ManualTimeProvider"/> that also tells when a timer is created, so a test can move the clock
/// exactly when the code under test has started waiting (no sleeping, no polling).</summary>
public sealed class TestClock : TimeProvider
{
    private readonly ManualTimeProvider _inner = new();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _created = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource changed;
        lock (_gate)
        {
            _created.Add(dueTime);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return timer;
    }

    /// <summary>Waits until a timer due in exactly <paramref name="due"/> has been created (and takes it off the list).</summary>
    public async Task WaitForTimerAsync(TimeSpan due, CancellationToken ct = default)
    {
        var deadline = Task.Delay(TimeSpan.FromSeconds(20), ct);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var index = _created.IndexOf(due);
                if (index >= 0)
                {
                    _created.RemoveAt(index);
                    return;
                }

                changed = _changed.Task;
            }

            if (await Task.WhenAny(changed, deadline) == deadline)
            {
                throw new TimeoutException($"No timer of {due} was created.");
            }
        }
    }

    public void Advance(TimeSpan by) => _inner.Advance(by);
}
