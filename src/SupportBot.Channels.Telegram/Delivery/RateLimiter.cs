using System.Collections.Concurrent;

namespace SupportBot.Channels.Telegram.Delivery;

/// <summary>Spaces messages: at most one per <c>1/perChat</c> seconds into one chat and <c>global</c> per second
/// overall (Telegram's advice: about 1 and 30). Waits go through the <see cref="TimeProvider"/>.</summary>
internal sealed class RateLimiter
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _perChatGap;
    private readonly TimeSpan _globalGap;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _nextPerChat = new();
    private readonly Lock _globalGate = new();
    private DateTimeOffset _nextGlobal = DateTimeOffset.MinValue;

    public RateLimiter(TimeProvider time, double perChatPerSecond, double globalPerSecond)
    {
        _time = time;
        _perChatGap = TimeSpan.FromSeconds(1 / perChatPerSecond);
        _globalGap = TimeSpan.FromSeconds(1 / globalPerSecond);
    }

    /// <summary>Waits for a slot in <paramref name="chatId"/> and overall, then takes it.</summary>
    public async Task WaitAsync(long chatId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var chatSlot = now;
        _nextPerChat.AddOrUpdate(
            chatId,
            _ => now + _perChatGap,
            (_, next) =>
            {
                chatSlot = next > now ? next : now;
                return chatSlot + _perChatGap;
            });

        // The overall budget is taken from now on, not from the chat's slot: a chat waiting for its own second
        // must not hold back the other chats.
        DateTimeOffset globalSlot;
        lock (_globalGate)
        {
            globalSlot = _nextGlobal > now ? _nextGlobal : now;
            _nextGlobal = globalSlot + _globalGap;
        }

        var wait = (chatSlot > globalSlot ? chatSlot : globalSlot) - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, ct);
        }
    }
}
