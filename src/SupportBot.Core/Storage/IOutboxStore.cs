using SupportBot.Core.Activities;

namespace SupportBot.Core.Storage;

/// <summary>Replies waiting for delivery. A reply is in the outbox from the moment its turn commits, so a crash
/// before delivery loses nothing.</summary>
public interface IOutboxStore
{
    /// <summary>Undelivered messages of <paramref name="channel"/> that are due at <paramref name="now"/>, oldest first.
    /// A message waiting for its retry holds back the later messages of its conversation (they are not returned until
    /// it is due again), so a chat never receives replies out of order.</summary>
    Task<IReadOnlyList<OutboxMessage>> FetchPendingAsync(
        string channel, DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>The ids of one conversation's undelivered messages (due or waiting for a retry), oldest first. A
    /// channel that delivers right after a turn (web chat) checks with it that the turn's replies are all that is
    /// waiting, so sending them at once keeps the conversation's order; otherwise it leaves them to the delivery
    /// loop. The default looks through the channel's first <see cref="ConversationFetchLimit"/> undelivered
    /// messages.</summary>
    async Task<IReadOnlyList<long>> UndeliveredIdsAsync(
        ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var pending = await FetchPendingAsync(
            conversation.Channel, DateTimeOffset.MaxValue, ConversationFetchLimit, cancellationToken);
        var ids = new List<long>();
        foreach (var message in pending)
        {
            if (message.Conversation == conversation)
            {
                ids.Add(message.Id);
            }
        }

        return ids;
    }

    /// <summary>How many undelivered messages of the channel the default <see cref="UndeliveredIdsAsync"/> looks
    /// through.</summary>
    const int ConversationFetchLimit = 1000;

    /// <summary>Marks a message delivered; it is never fetched again.</summary>
    Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt (<paramref name="failure"/>: a redacted reason); the message is fetched
    /// again from <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(long id, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>Gives a message up for good because the user cannot be reached (blocked the bot, closed DMs): it is
    /// never fetched again, <paramref name="reason"/> is kept on the row, and the user's open tickets in that
    /// conversation are marked unreachable so agents know their replies will not arrive.</summary>
    Task MarkUndeliverableAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);
}
