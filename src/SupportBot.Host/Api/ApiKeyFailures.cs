using System.Net;

namespace SupportBot.Host.Api;

/// <summary>Wrong API keys per client address, counted in one-minute windows: after <see cref="Limit"/> in a window
/// the address gets 429 until the window ends (a key cannot be guessed at request speed), and the log gets one
/// warning per address per window: the first wrong key, then at the next one after the window the count of the rest
/// (one line per address per minute, not one per request). Successes are not counted.</summary>
internal sealed class ApiKeyFailures(TimeProvider time, ILogger<ApiKeyFailures> logger)
{
    /// <summary>Wrong keys one address may send per window.</summary>
    public const int Limit = 10;

    /// <summary>The window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="address"/> must wait before trying a key again, or null when it may.</summary>
    public TimeSpan? Blocked(IPAddress? address)
    {
        var key = address?.ToString() ?? "unknown";
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var entry) && now < entry.Start + Window && entry.Count >= Limit
                ? entry.Start + Window - now
                : null;
        }
    }

    /// <summary>Counts a wrong key from <paramref name="address"/> and logs as described above.</summary>
    public void Record(IPAddress? address)
    {
        var key = address?.ToString() ?? "unknown";
        var now = time.GetUtcNow();
        int previous = 0;
        bool first;
        lock (_lock)
        {
            if (_entries.Count > SweepAbove)
            {
                foreach (var stale in _entries.Where(e => now >= e.Value.Start + Window).Select(e => e.Key).ToList())
                {
                    _entries.Remove(stale);
                }
            }

            if (!_entries.TryGetValue(key, out var entry) || now >= entry.Start + Window)
            {
                previous = entry is null ? 0 : entry.Count - 1;
                entry = new Entry { Start = now };
                _entries[key] = entry;
            }

            entry.Count++;
            first = entry.Count == 1;
        }

        if (previous > 0)
        {
            logger.LogWarning(
                "REST API: {Count} more requests with an unknown key from {Address} in the minute after the one logged",
                previous, key);
        }

        if (first)
        {
            logger.LogWarning(
                "REST API request with an unknown key from {Address} (further ones from it are counted, and refused with 429 after {Limit} a minute)",
                key, Limit);
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset Start { get; init; }

        public int Count { get; set; }
    }
}
