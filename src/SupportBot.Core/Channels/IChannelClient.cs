using SupportBot.Core.Activities;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Channels;

/// <summary>The outbound half of a channel: delivers outbox messages and deletes messages the safety guard
/// found secrets in. Each channel (console, web chat, Telegram, Discord) has one.</summary>
public interface IChannelClient
{
    /// <summary>The channel name, as in <see cref="ConversationKey.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Delivers one message. The dispatcher calls it for one conversation at a time, in order, so a
    /// client never needs its own per-chat queue; it may wait inside for its own rate limits. A thrown exception
    /// counts as <see cref="DeliveryStatus.Retry"/>.</summary>
    Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Deletes a user's message that contained a secret.</summary>
    Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default);
}
