using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Routing;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace SupportBot.Channels.Telegram.Delivery;

/// <summary>The outbound half of the Telegram channel: delivers outbox messages (the dispatcher calls it one chat at a
/// time, in order) and deletes a message the safety guard found a secret in. Failures become delivery results:
/// 429 waits <c>retry_after</c>, 5xx and timeouts back off with jitter (the waits run on the dispatcher's
/// <see cref="TimeProvider"/>), a user who blocked the bot is unreachable (the store then marks their ticket).</summary>
internal sealed class TelegramChannelClient : IChannelClient
{
    public const string Name = "telegram";

    private readonly TelegramMessenger _messenger;
    private readonly DialogCatalog _catalog;
    private readonly ITicketStore _tickets;
    private readonly ILogger<TelegramChannelClient> _log;

    // Parts of a long message already sent, so a retry after a failure in the middle does not repeat them.
    private readonly ConcurrentDictionary<long, int> _partsSent = new();

    public TelegramChannelClient(
        TelegramMessenger messenger, DialogCatalog catalog, ITicketStore tickets, ILogger<TelegramChannelClient> log)
    {
        _messenger = messenger;
        _catalog = catalog;
        _tickets = tickets;
        _log = log;
    }

    public string Channel => Name;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!long.TryParse(message.Conversation.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return DeliveryResult.Unreachable("not a Telegram chat id");
        }

        var reply = message.Reply;
        try
        {
            var header = reply.Agent is { } agent ? await SignatureAsync(reply, agent, cancellationToken) : null;
            _partsSent.TryGetValue(message.Id, out var skip);
            await _messenger.SendAsync(
                chatId,
                null,
                reply.Text,
                reply.Choices,
                header,
                skip,
                sent => _partsSent[message.Id] = sent,
                cancellationToken);
            _partsSent.TryRemove(message.Id, out _);
            return DeliveryResult.Delivered;
        }
        catch (ApiRequestException ex)
        {
            return Classify(message, ex);
        }
        catch (RequestException ex)
        {
            var kind = TelegramApiClient.IsTimeout(ex) ? "timeout" : "network";
            _log.LogWarning("Telegram delivery of outbox message {Id} failed without an answer ({Kind}); retrying.",
                message.Id, kind);
            return DeliveryResult.Retry(kind, Backoff(message.Attempts + 1));
        }
    }

    public async Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(messageId);
        if (!long.TryParse(conversation.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)
            || TelegramMessageIds.MessageIdOf(messageId) is not { } telegramMessageId)
        {
            return DeleteOutcome.Failed;
        }

        try
        {
            await _messenger.Client.DeleteMessage(chatId, telegramMessageId, cancellationToken);
            return DeleteOutcome.Deleted;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400
            && ex.Message.Contains("message to delete not found", StringComparison.OrdinalIgnoreCase))
        {
            // Already gone (the user deleted it, or an earlier try of this update did): what the guard wanted.
            return DeleteOutcome.Deleted;
        }
        catch (RequestException ex)
        {
            _log.LogWarning("Telegram could not delete a message that held a secret ({Reason}).",
                ex is ApiRequestException api ? api.ErrorCode.ToString(CultureInfo.InvariantCulture) : "no answer");
            return DeleteOutcome.Failed;
        }
    }

    /// <summary>The dispatcher's exponential back-off (1 s, 2 s, 4 s … 5 min) plus up to 25 % jitter, so chats that
    /// failed together (a Telegram outage) do not all come back in the same second.</summary>
    public static TimeSpan Backoff(int attempt) =>
        OutboxDispatcher.Backoff(attempt) * (1 + (Random.Shared.NextDouble() / 4));

    private DeliveryResult Classify(OutboxMessage message, ApiRequestException ex)
    {
        switch (ex.ErrorCode)
        {
            case 429:
                _log.LogInformation("Telegram rate limit on outbox message {Id}: waiting {Seconds} s.",
                    message.Id, ex.Parameters?.RetryAfter);
                return DeliveryResult.Retry("429 too many requests", TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1));
            case 403:
                _partsSent.TryRemove(message.Id, out _);
                _log.LogInformation("Telegram chat {Chat} is unreachable: {Description}", message.Conversation.Id, ex.Message);
                return DeliveryResult.Unreachable("403 " + ex.Message);
            case 400 when ex.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase):
                _partsSent.TryRemove(message.Id, out _);
                return DeliveryResult.Unreachable("400 chat not found");
            case >= 500:
                _log.LogWarning("Telegram answered {Code} for outbox message {Id}; retrying with back-off.", ex.ErrorCode, message.Id);
                return DeliveryResult.Retry(ex.ErrorCode.ToString(CultureInfo.InvariantCulture) + " server error", Backoff(message.Attempts + 1));
            default:
                _log.LogError("Telegram refused outbox message {Id}: {Code} {Description}; retrying with back-off.",
                    message.Id, ex.ErrorCode, ex.Message);
                return DeliveryResult.Retry(ex.ErrorCode.ToString(CultureInfo.InvariantCulture) + " refused", Backoff(message.Attempts + 1));
        }
    }

    private async Task<string> SignatureAsync(BotReply reply, AgentSignature agent, CancellationToken ct)
    {
        var locale = Locales.Supported.English;
        if (reply.TicketNumber is { } number && await _tickets.GetTicketAsync(number, ct) is { } ticket)
        {
            locale = ticket.Locale;
        }

        return _catalog.Text(TelegramTexts.AgentSignature).Format(locale, ("agent", agent.Name), ("code", agent.Code));
    }
}
