using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Routing;

/// <summary>Delivers what the outbox holds to the channels: oldest first, in order within a conversation (a failed
/// message holds back the later ones of its conversation until it goes through), with exponential back-off.</summary>
public sealed class OutboxDispatcher
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly IOutboxStore _outbox;
    private readonly Dictionary<string, IChannelClient> _channels;
    private readonly TimeProvider _time;

    /// <summary>Creates the dispatcher.</summary>
    public OutboxDispatcher(IOutboxStore outbox, IEnumerable<IChannelClient> channels, TimeProvider time)
    {
        _outbox = outbox;
        _channels = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);
        _time = time;
    }

    /// <summary>Delivers the due messages of <paramref name="channel"/> once; returns how many went out.
    /// <paramref name="filter"/> limits delivery to some conversations (the console delivers only its own).</summary>
    public async Task<int> DrainAsync(
        string channel, Func<OutboxMessage, bool>? filter = null, CancellationToken cancellationToken = default)
    {
        if (!_channels.TryGetValue(channel, out var client))
        {
            throw new InvalidOperationException($"No channel client is registered for '{channel}'.");
        }

        var pending = await _outbox.FetchPendingAsync(channel, _time.GetUtcNow(), 1000, cancellationToken);
        // Created on the first failure only: most drains deliver everything.
        HashSet<Activities.ConversationKey>? blocked = null;
        var delivered = 0;
        foreach (var message in pending)
        {
            if ((filter is not null && !filter(message)) || (blocked is not null && blocked.Contains(message.Conversation)))
            {
                continue;
            }

            try
            {
                await client.DeliverAsync(message, cancellationToken);
                await _outbox.MarkDeliveredAsync(message.Id, _time.GetUtcNow(), cancellationToken);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                (blocked ??= []).Add(message.Conversation);
                var retryAt = _time.GetUtcNow() + Backoff(message.Attempts + 1);
                await _outbox.MarkFailedAsync(message.Id, ex.GetType().Name, retryAt, cancellationToken);
            }
        }

        return delivered;
    }

    /// <summary>1 s, 2 s, 4 s … capped at five minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxBackoff.TotalSeconds));
}
