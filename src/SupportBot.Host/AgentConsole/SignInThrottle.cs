using Microsoft.Extensions.Options;

namespace SupportBot.Host.AgentConsole;

/// <summary>Limits failed sign-ins over a sliding minute, per name and per address, counted separately: guessing one
/// agent's password is slow from anywhere, trying many names from one address is slow too, and successful sign-ins
/// count for nothing, so agents behind one shared proxy address are not locked out by their colleagues.</summary>
public sealed class SignInThrottle
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Past this many tracked keys, keys with no failure in the window are forgotten (at most one sweep per window).
    private const int SweepAbove = 10_000;

    private readonly int _perName;
    private readonly int _perAddress;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep;

    /// <summary>Creates the throttle from the options.</summary>
    public SignInThrottle(IOptions<AgentConsoleOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perName = options.Value.SignInAttemptsPerMinute;
        _perAddress = options.Value.SignInAttemptsPerMinutePerAddress;
        _time = time;
    }

    /// <summary>Null when a sign-in from <paramref name="address"/> for <paramref name="name"/> may be tried now,
    /// otherwise how long to wait.</summary>
    public TimeSpan? Check(string address, string name)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var byAddress = Wait(AddressKey(address), _perAddress, now);
            var byName = Wait(NameKey(name), _perName, now);
            return byAddress is null ? byName : byName is null ? byAddress : Max(byAddress.Value, byName.Value);
        }
    }

    /// <summary>Counts a failed sign-in against the address and the name.</summary>
    public void Failed(string address, string name)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            Add(AddressKey(address), now);
            if (name.Length > 0)
            {
                Add(NameKey(name), now);
            }
        }
    }

    private static string AddressKey(string address) => "a:" + address;

    private static string NameKey(string name) => "n:" + name.Trim().ToUpperInvariant();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Called under the lock.
    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return null;
        }

        while (times.Count > 0 && times.Peek() <= now - Window)
        {
            times.Dequeue();
        }

        if (times.Count < limit)
        {
            return null;
        }

        // Allowed again when the oldest failure that keeps the count at the limit leaves the window.
        var wait = times.ElementAt(times.Count - limit) + Window - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    // Called under the lock.
    private void Add(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            times = new Queue<DateTimeOffset>();
            _failures[key] = times;
        }

        times.Enqueue(now);

        // Enough to decide: older failures beyond the largest limit never matter.
        while (times.Count > Math.Max(_perName, _perAddress))
        {
            times.Dequeue();
        }
    }

    // Called under the lock.
    private void Sweep(DateTimeOffset now)
    {
        if (_failures.Count <= SweepAbove || now - _lastSweep < Window)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, times) in _failures.ToList())
        {
            if (times.Count == 0 || times.Last() <= now - Window)
            {
                _failures.Remove(key);
            }
        }
    }
}
