using SupportBot.Channels.WebChat.Conversations;
using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.WebChat;

/// <summary>The outbound half of web chat: the outbox delivers a reply by appending it to the conversation's log,
/// which pushes it to the open WebSocket and keeps it for polling and reconnects. Delivery is at least once; a reply
/// whose outbox id is already in the log counts as delivered.</summary>
public sealed class WebChatChannelClient : IChannelClient
{
    /// <summary>The channel name.</summary>
    public const string Name = "webchat";

    private readonly ConversationLogStore _logs;
    private readonly ReplyAppender _appender;
    private readonly PendingRedactions _redactions;

    /// <summary>Creates the client.</summary>
    public WebChatChannelClient(ConversationLogStore logs, ReplyAppender appender, PendingRedactions redactions)
    {
        _logs = logs;
        _appender = appender;
        _redactions = redactions;
    }

    /// <inheritdoc />
    public string Channel => Name;

    /// <inheritdoc />
    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_logs.Find(message.Conversation.Id) is not { } log)
        {
            return DeliveryResult.Unreachable("unknown web chat conversation");
        }

        if (log.HasOutboxMessage(message.Id))
        {
            return DeliveryResult.Delivered;
        }

        await log.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!log.HasOutboxMessage(message.Id))
            {
                await _appender.AppendAsync(log, message.Reply, message.Id);
            }
        }
        finally
        {
            log.Gate.Release();
        }

        return DeliveryResult.Delivered;
    }

    /// <summary>Direct Line cannot unsend, but the page shows our echo in place of what the user typed: a message
    /// still being routed is echoed redacted (<see cref="DeleteOutcome.Deleted"/>); any other is
    /// <see cref="DeleteOutcome.NotSupported"/>.</summary>
    public Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return Task.FromResult(_redactions.Flag(conversation.Id, messageId) ? DeleteOutcome.Deleted : DeleteOutcome.NotSupported);
    }
}
