using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Channels.Telegram.Agents;
using SupportBot.Channels.Telegram.Delivery;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Routing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Turns one update into what the bot does with it: a private message, an edit of one, or a button press
/// goes to the router; a group message gets "please write to me privately"; the agent group goes to the topic
/// commands. Polling and
/// the webhook both end here. Throws only for failures worth handling the update again for (the store, the network):
/// the caller then leaves the update unconfirmed.</summary>
internal sealed class TelegramUpdateHandler
{
    /// <summary>How often "typing…" is repeated while an update is worked on.</summary>
    public static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(4);

    private readonly ConversationRouter _router;
    private readonly TelegramMessenger _messenger;
    private readonly CallbackData _callbackData;
    private readonly DialogCatalog _catalog;
    private readonly AttachmentDownloader _downloads;
    private readonly AgentTopicCommands _agentCommands;
    private readonly BotIdentity _identity;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramUpdateHandler> _log;

    public TelegramUpdateHandler(
        ConversationRouter router,
        TelegramMessenger messenger,
        CallbackData callbackData,
        DialogCatalog catalog,
        AttachmentDownloader downloads,
        AgentTopicCommands agentCommands,
        BotIdentity identity,
        IOptions<TelegramOptions> options,
        TimeProvider time,
        ILogger<TelegramUpdateHandler> log)
    {
        _router = router;
        _messenger = messenger;
        _callbackData = callbackData;
        _catalog = catalog;
        _downloads = downloads;
        _agentCommands = agentCommands;
        _identity = identity;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.CallbackQuery is { } callback)
        {
            await HandleCallbackAsync(update.Id, callback, ct);
        }
        else if (update.Message is { } message)
        {
            await HandleMessageAsync(update.Id, message, ct);
        }
        else if (update.EditedMessage is { } edited)
        {
            await HandleEditAsync(update.Id, edited, ct);
        }
        else
        {
            _log.LogDebug("Telegram update {UpdateId} is of a kind the bot does not handle; ignored.", update.Id);
        }
    }

    private async Task HandleMessageAsync(long updateId, Message message, CancellationToken ct)
    {
        if (message.MigrateToChatId is { } movedTo)
        {
            await _messenger.Migrations.RecordAsync(message.Chat.Id, movedTo, ct);
            _log.LogInformation("Telegram chat {From} became supergroup {To}; following it.", message.Chat.Id, movedTo);
            return;
        }

        if (message.From is not { IsBot: false } from)
        {
            return;
        }

        if (await _agentCommands.IsAgentChatAsync(message.Chat.Id, ct))
        {
            await _agentCommands.HandleAsync(message, ct);
            return;
        }

        var locale = Locales.FromHint(from.LanguageCode) ?? Locales.Supported.English;
        if (message.Chat.Type != ChatType.Private)
        {
            if (IsAddressedToBot(message))
            {
                await _messenger.SendAsync(
                    message.Chat.Id, message.IsTopicMessage ? message.MessageThreadId : null,
                    _catalog.Text(TelegramTexts.PrivateChatOnly).Get(locale), [], ct: ct);
            }

            return;
        }

        await WhileTypingAsync(message.Chat.Id, async () =>
        {
            var download = await _downloads.DownloadAsync(message, ct);
            if (download.RefusalKey is { } refusal)
            {
                var maxMb = (_options.MaxFileBytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
                await _messenger.SendAsync(
                    message.Chat.Id, null, _catalog.Text(refusal).Format(locale, ("maxMb", maxMb)), [], ct: ct);
                return;
            }

            var activity = Activity(message, from, updateId) with
            {
                MessageId = TelegramMessageIds.For(updateId, message.Id),
                Text = message.Text ?? message.Caption ?? "",
                Attachments = download.Attachments,
            };
            await RouteAsync(activity, ct);
        }, ct);
    }

    /// <summary>A user edited a message in their private chat: the new text goes through the router like a new message
    /// (its update id makes it a message of its own), so the guard reads it with the conversation's context: a seed
    /// phrase added by editing is caught and the edited message deleted, while a TXID given where the bot asked for
    /// one is still a TXID. Only the text or caption is taken: the files were taken with the original message.
    /// Edits in groups and in the agent group are ignored (an agent's edited command must not run twice, and what the
    /// user already got cannot be changed).</summary>
    private async Task HandleEditAsync(long updateId, Message message, CancellationToken ct)
    {
        var text = message.Text ?? message.Caption;
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from || string.IsNullOrEmpty(text))
        {
            _log.LogDebug("Telegram update {UpdateId} edits a message outside a private chat or without text; ignored.", updateId);
            return;
        }

        var activity = Activity(message, from, updateId) with
        {
            MessageId = TelegramMessageIds.For(updateId, message.Id),
            Text = text,
        };
        await WhileTypingAsync(message.Chat.Id, () => RouteAsync(activity, ct), ct);
    }

    private async Task HandleCallbackAsync(long updateId, CallbackQuery callback, CancellationToken ct)
    {
        // First, whatever happens next: the user's client shows a spinner on the button until this call.
        try
        {
            await _messenger.Client.AnswerCallbackQuery(callback.Id, cancellationToken: ct);
        }
        catch (RequestException ex)
        {
            _log.LogDebug("answerCallbackQuery failed ({Type}); the button press is handled anyway.", ex.GetType().Name);
        }

        if (callback.Message is not { Chat.Type: ChatType.Private } message || callback.From.IsBot)
        {
            return;
        }

        if (message.Date != default)
        {
            // The keyboard has done its job (or is one we no longer know): remove it so it cannot be pressed again.
            try
            {
                await _messenger.Client.EditMessageReplyMarkup(message.Chat.Id, message.Id, cancellationToken: ct);
            }
            catch (RequestException ex)
            {
                _log.LogDebug("Removing a used keyboard failed ({Type}).", ex.GetType().Name);
            }
        }

        var value = await _callbackData.DecodeAsync(callback.Data, ct);
        if (value is null)
        {
            _log.LogDebug("A button press with data the bot did not make (or no longer knows) was answered and ignored.");
            return;
        }

        var title = message.ReplyMarkup?.InlineKeyboard.SelectMany(r => r)
            .FirstOrDefault(b => b.CallbackData == callback.Data)?.Text ?? value;
        var activity = Activity(message, callback.From, updateId) with
        {
            MessageId = TelegramMessageIds.For(updateId, null),
            Text = title,
            ChoiceValue = value,
        };
        await WhileTypingAsync(message.Chat.Id, () => RouteAsync(activity, ct), ct);
    }

    private InboundActivity Activity(Message message, User from, long updateId) => new()
    {
        Conversation = new ConversationKey(
            TelegramChannelClient.Name, message.Chat.Id.ToString(CultureInfo.InvariantCulture)),
        UserId = from.Id.ToString(CultureInfo.InvariantCulture),
        UserName = string.IsNullOrEmpty(from.LastName) ? from.FirstName : from.FirstName + " " + from.LastName,
        MessageId = "u" + updateId.ToString(CultureInfo.InvariantCulture),
        Locale = from.LanguageCode,
        Timestamp = _time.GetUtcNow(),
    };

    private async Task RouteAsync(InboundActivity activity, CancellationToken ct)
    {
        var result = await _router.HandleAsync(activity, ct);
        if (result.Status == RouteStatus.StoreUnavailable)
        {
            // Nothing was stored. Telegram still holds the update (it is confirmed only after this returns), so it is
            // handled again once the store is back rather than answered "send it again" and dropped.
            throw new UpdateNotStoredException();
        }
    }

    private bool IsAddressedToBot(Message message)
    {
        var text = message.Text ?? message.Caption ?? "";
        return text.StartsWith('/')
            || (_identity.Username is { } name && text.Contains("@" + name, StringComparison.OrdinalIgnoreCase))
            || (message.ReplyToMessage?.From?.Id is { } to && to == _identity.Id);
    }

    /// <summary>Shows "typing…" before <paramref name="work"/> and again every <see cref="TypingInterval"/> while it
    /// runs (Telegram shows it for five seconds; fetching a large screenshot can take longer).</summary>
    private async Task WhileTypingAsync(long chatId, Func<Task> work, CancellationToken ct)
    {
        await TypingAsync(chatId, ct);
        using var working = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var repeat = RepeatTypingAsync(chatId, working.Token);
        try
        {
            await work();
        }
        finally
        {
            await working.CancelAsync();
            await repeat;
        }
    }

    private async Task RepeatTypingAsync(long chatId, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TypingInterval, _time, ct);
                await TypingAsync(chatId, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TypingAsync(long chatId, CancellationToken ct)
    {
        try
        {
            await _messenger.Client.SendChatAction(chatId, ChatAction.Typing, cancellationToken: ct);
        }
        catch (RequestException ex)
        {
            _log.LogDebug("sendChatAction failed ({Type}); carrying on.", ex.GetType().Name);
        }
    }
}
