using SupportBot.Core.Activities;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Channels;

/// <summary>The outbound half of a channel: delivers outbox messages and deletes messages the safety guard
/// found secrets in. Each channel (console, web chat, Telegram, Discord) has one.</summary>
public interface IChannelClient
{
    /// <summary>The channel name, as in <see cref="ConversationKey.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Delivers one message. Throws on failure; the outbox dispatcher retries.</summary>
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Deletes a user's message that contained a secret.</summary>
    Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default);
}
