using System.Collections.Concurrent;

namespace SupportBot.Channels.Discord;

/// <summary>Per-user message budget: at most <c>limit</c> messages in a sliding <c>window</c> (on
/// <see cref="TimeProvider"/>). Over the budget a message is dropped, and the user is told once per window.</summary>
internal sealed class FloodGate
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, UserWindow> _users = new(StringComparer.Ordinal);

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
                user.Warned = false;
                warn = false;
                return true;
            }

            warn = !user.Warned;
            user.Warned = true;
            return false;
        }
    }

    private sealed class UserWindow
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public bool Warned { get; set; }
    }
}
