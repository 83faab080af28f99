using System.Collections.Concurrent;
using SupportBot.Core.Activities;
using SupportBot.Core.Storage;

namespace SupportBot.Storage.Memory;

/// <summary>The in-memory outbox: one ordered queue per channel, each with its own lock, plus an id index for the
/// delivery callbacks. Ids are global and ascend within every channel.</summary>
internal sealed class MemoryOutbox
{
    // Delivered entries are dropped from a queue in bulk once they are this many and half of it, so marking one
    // delivered stays O(1) and a fetch does not walk a long tail of sent messages.
    private const int CompactThreshold = 64;

    private readonly ConcurrentDictionary<string, ChannelQueue> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Entry> _byId = new();
    private long _lastId;

    public void Enqueue(ConversationKey conversation, BotReply reply, DateTimeOffset at)
    {
        var queue = _channels.GetOrAdd(conversation.Channel, static _ => new ChannelQueue());
        lock (queue.Gate)
        {
            // Taking the id under the queue's lock keeps each channel's list in id order.
            var entry = new Entry(Interlocked.Increment(ref _lastId), conversation, reply, at, queue);
            queue.Entries.Add(entry);
            _byId[entry.Id] = entry;
        }
    }

    public IReadOnlyList<OutboxMessage> FetchPending(string channel, DateTimeOffset now, int max)
    {
        if (max <= 0 || !_channels.TryGetValue(channel, out var queue))
        {
            return [];
        }

        var result = new List<OutboxMessage>();
        HashSet<ConversationKey>? heldBack = null;
        lock (queue.Gate)
        {
            foreach (var entry in queue.Entries)
            {
                if (entry.Delivered)
                {
                    continue;
                }

                // A message waiting for its retry holds back the later ones of its conversation (per-chat order).
                if (entry.NextAttemptAt > now)
                {
                    (heldBack ??= []).Add(entry.Conversation);
                    continue;
                }

                if (heldBack is not null && heldBack.Contains(entry.Conversation))
                {
                    continue;
                }

                result.Add(new OutboxMessage(entry.Id, entry.Conversation, entry.Reply, entry.CreatedAt)
                {
                    Attempts = entry.Attempts,
                });
                if (result.Count == max)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Marks the message delivered and returns its conversation; null when it was not pending.</summary>
    public ConversationKey? MarkDelivered(long id)
    {
        if (!_byId.TryRemove(id, out var entry))
        {
            return null;
        }

        var queue = entry.Queue;
        lock (queue.Gate)
        {
            entry.Delivered = true;
            queue.DeliveredCount++;
            if (queue.DeliveredCount >= CompactThreshold && queue.DeliveredCount * 2 >= queue.Entries.Count)
            {
                queue.Entries.RemoveAll(static e => e.Delivered);
                queue.DeliveredCount = 0;
            }
        }

        return entry.Conversation;
    }

    public void MarkFailed(long id, DateTimeOffset retryAt)
    {
        if (!_byId.TryGetValue(id, out var entry))
        {
            return;
        }

        lock (entry.Queue.Gate)
        {
            if (!entry.Delivered)
            {
                entry.Attempts++;
                entry.NextAttemptAt = retryAt;
            }
        }
    }

    private sealed class ChannelQueue
    {
        public Lock Gate { get; } = new();

        public List<Entry> Entries { get; } = [];

        public int DeliveredCount { get; set; }
    }

    private sealed class Entry(
        long id, ConversationKey conversation, BotReply reply, DateTimeOffset at, ChannelQueue queue)
    {
        public long Id { get; } = id;

        public ConversationKey Conversation { get; } = conversation;

        public BotReply Reply { get; } = reply;

        public DateTimeOffset CreatedAt { get; } = at;

        public ChannelQueue Queue { get; } = queue;

        public DateTimeOffset NextAttemptAt { get; set; } = at;

        public int Attempts { get; set; }

        public bool Delivered { get; set; }
    }
}
