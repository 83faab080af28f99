using System.Collections.Concurrent;

namespace SupportBot.Core.Routing;

/// <summary>Wakes a channel's delivery loop when a commit put something in its outbox, so replies go out at once
/// instead of at the next poll. Losing a signal is harmless: the loop also polls.</summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _channels = new(StringComparer.Ordinal);

    /// <summary>Something was queued for <paramref name="channel"/>.</summary>
    public void Notify(string channel)
    {
        var gate = Gate(channel);
        // At most one pending wake-up: a burst of commits wakes the loop once, and one drain sends them all.
        if (gate.CurrentCount == 0)
        {
            try
            {
                gate.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>Waits until <see cref="Notify"/> is called for <paramref name="channel"/> or <paramref name="timeout"/>
    /// passes on <paramref name="time"/>; returns whether it was notified.</summary>
    public async Task<bool> WaitAsync(
        string channel, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var gate = Gate(channel);
        if (gate.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = gate.WaitAsync(stop.Token);
        var elapsed = Task.Delay(timeout, time, stop.Token);
        var first = await Task.WhenAny(signalled, elapsed);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (first == signalled)
        {
            return true;
        }

        // The wake-up may have arrived just as the timer fired: it was taken, so say so (the caller drains either way).
        // Giving it back instead would overfill the gate whenever a second Notify came in meanwhile
        // (SemaphoreFullException, and a delivery loop that then sleeps on a clock that may not move).
        try
        {
            await signalled;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private SemaphoreSlim Gate(string channel) => _channels.GetOrAdd(channel, static _ => new SemaphoreSlim(0, 1));
}
