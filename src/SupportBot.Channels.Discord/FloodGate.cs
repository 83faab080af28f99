using System.Collections.Concurrent;

namespace SupportBot.Channels.Discord;

/// <summary>Per-user message budget: at most <c>limit</c> messages in a sliding <c>window</c> (on
/// <see cref="TimeProvider"/>). Over the budget a message is dropped, and the user is told once per window.</summary>
internal sealed class FloodGate
{
    /// <summary>How many users are tracked before the ones quiet for a whole window are forgotten (a server's worth
    /// of members each writing once would otherwise stay in memory for the life of the process).</summary>
    internal const int PruneAbove = 10_000;

    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, UserWindow> _users = new(StringComparer.Ordinal);
    private readonly Lock _pruning = new();
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    public FloodGate(int limit, TimeSpan window, TimeProvider time)
    {
        _limit = limit;
        _window = window;
        _time = time;
    }

    /// <summary>Whether the message may go on; when not, <paramref name="warn"/> says whether to tell the user.</summary>
    public bool Allow(string userId, out bool warn)
    {
        var now = _time.GetUtcNow();
        if (_users.Count > PruneAbove)
        {
            Prune(now);
        }

        var user = _users.GetOrAdd(userId, _ => new UserWindow());
        lock (user)
        {
            while (user.Times.Count > 0 && now - user.Times.Peek() >= _window)
            {
                user.Times.Dequeue();
            }

            if (user.Times.Count < _limit)
            {
                user.Times.Enqueue(now);
                user.Last = now;
                user.Warned = false;
                warn = false;
                return true;
            }

            warn = !user.Warned;
            user.Warned = true;
            return false;
        }
    }

    /// <summary>How many users the gate holds a window for.</summary>
    internal int TrackedUsers => _users.Count;

    // At most once a window, so a server with more than PruneAbove active users does not scan them on every message.
    private void Prune(DateTimeOffset now)
    {
        lock (_pruning)
        {
            if (now < _nextPrune)
            {
                return;
            }

            _nextPrune = now + _window;
        }

        foreach (var (id, user) in _users)
        {
            lock (user)
            {
                // Quiet for a whole window: nothing of theirs still counts, so forgetting them changes no answer.
                if (now - user.Last >= _window)
                {
                    _users.TryRemove(new KeyValuePair<string, UserWindow>(id, user));
                }
            }
        }
    }

    private sealed class UserWindow
    {
        public DateTimeOffset Last { get; set; } = DateTimeOffset.MinValue;

        public Queue<DateTimeOffset> Times { get; } = new();

        public bool Warned { get; set; }
    }
}
