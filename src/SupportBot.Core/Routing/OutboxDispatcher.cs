using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Routing;

/// <summary>Delivers what the outbox holds to the channels. Conversations are delivered in parallel (a slow or
/// rate-limited chat does not hold up the others); within a conversation one message at a time, in order, and a
/// failed message holds back the later ones until it goes through. Failures back off exponentially or by the
/// channel's own <see cref="DeliveryResult.RetryAfter"/>; an unreachable user's messages are given up.</summary>
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

    /// <summary>How many conversations of one channel are delivered at the same time.</summary>
    public int MaxParallelConversations { get; init; } = 16;

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
        if (pending.Count == 0)
        {
            return 0;
        }

        // Group by conversation, keeping each group in id order (the fetch is in id order).
        var groups = new Dictionary<ConversationKey, List<OutboxMessage>>();
        foreach (var message in pending)
        {
            if (filter is not null && !filter(message))
            {
                continue;
            }

            if (!groups.TryGetValue(message.Conversation, out var list))
            {
                groups[message.Conversation] = list = [];
            }

            list.Add(message);
        }

        if (groups.Count == 1)
        {
            foreach (var only in groups.Values)
            {
                return await DeliverInOrderAsync(client, only, cancellationToken);
            }
        }

        var delivered = 0;
        await Parallel.ForEachAsync(
            groups.Values,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelConversations, CancellationToken = cancellationToken },
            async (messages, ct) => Interlocked.Add(ref delivered, await DeliverInOrderAsync(client, messages, ct)));
        return delivered;
    }

    /// <summary>1 s, 2 s, 4 s … capped at five minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxBackoff.TotalSeconds));

    private async Task<int> DeliverInOrderAsync(
        IChannelClient client, List<OutboxMessage> messages, CancellationToken ct)
    {
        var delivered = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            DeliveryResult result;
            try
            {
                result = await client.DeliverAsync(message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The type name only: an exception message may quote the text being sent.
                result = DeliveryResult.Retry(ex.GetType().Name);
            }

            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    await _outbox.MarkDeliveredAsync(message.Id, _time.GetUtcNow(), ct);
                    delivered++;
                    break;
                case DeliveryStatus.Unreachable:
                    // Every later message of this conversation would meet the same wall: give them up too.
                    for (var j = i; j < messages.Count; j++)
                    {
                        await _outbox.MarkUndeliverableAsync(
                            messages[j].Id, result.Reason ?? "unreachable", _time.GetUtcNow(), ct);
                    }

                    return delivered;
                default:
                    var wait = result.RetryAfter ?? Backoff(message.Attempts + 1);
                    await _outbox.MarkFailedAsync(
                        message.Id, result.Reason ?? "retry", _time.GetUtcNow() + wait, ct);
                    return delivered;
            }
        }

        return delivered;
    }
}
