using System.Collections.Concurrent;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>Counts requests per key (a conversation, a client address) in fixed one-minute windows on the host's
/// <see cref="TimeProvider"/>; over the limit, says how long until the window ends (the Retry-After).</summary>
public sealed class RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _calls;

    /// <summary>Creates a limiter on <paramref name="time"/>.</summary>
    public RateLimiter(TimeProvider time) => _time = time;

    /// <summary>Counts one request for <paramref name="key"/>; null when allowed, else the wait.</summary>
    public TimeSpan? Hit(string key, int perMinute)
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 4096 == 0)
        {
            Sweep(now);
        }

        var counter = _counters.GetOrAdd(key, static (_, at) => new Counter(at), now);
        lock (counter)
        {
            if (now - counter.Start >= Window)
            {
                counter.Start = now;
                counter.Count = 0;
            }

            if (counter.Count >= perMinute)
            {
                return counter.Start + Window - now;
            }

            counter.Count++;
            return null;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            if (now - counter.Start >= Window)
            {
                _counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
            }
        }
    }

    private sealed class Counter(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}
