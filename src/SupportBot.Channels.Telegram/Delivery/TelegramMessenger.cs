using SupportBot.Core.Activities;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace SupportBot.Channels.Telegram.Delivery;

/// <summary>Sends text to a chat the way every part of the channel does: escaped into HTML, cut at 4096 characters,
/// choices as an inline keyboard under the last part, rate-limited, following a group's migration.</summary>
internal sealed class TelegramMessenger
{
    private readonly TelegramApiClient _client;
    private readonly RateLimiter _limiter;
    private readonly CallbackData _callbackData;
    private readonly ChatMigrations _migrations;

    public TelegramMessenger(
        TelegramApiClient client, RateLimiter limiter, CallbackData callbackData, ChatMigrations migrations)
    {
        _client = client;
        _limiter = limiter;
        _callbackData = callbackData;
        _migrations = migrations;
    }

    public TelegramApiClient Client => _client;

    public ChatMigrations Migrations => _migrations;

    /// <summary>Sends <paramref name="text"/> (plain; escaped here) with an optional <paramref name="header"/>
    /// (plain too) on its first line. Parts before <paramref name="skipParts"/> were sent by an earlier attempt;
    /// <paramref name="partSent"/> hears of each part that went out. Returns the last message.</summary>
    public async Task<Message?> SendAsync(
        long chatId,
        long? threadId,
        string text,
        IReadOnlyList<ChoiceOption> choices,
        string? header = null,
        int skipParts = 0,
        Action<int>? partSent = null,
        CancellationToken ct = default)
    {
        var full = header is null ? text : header + "\n" + text;
        if (full.Length == 0)
        {
            full = " ";
        }

        var parts = TelegramHtml.Split(full);
        var keyboard = choices.Count > 0 ? await KeyboardAsync(choices, ct) : null;
        Message? last = null;
        for (var i = skipParts; i < parts.Count; i++)
        {
            var isLast = i == parts.Count - 1;
            last = await SendPartAsync(chatId, threadId, TelegramHtml.Escape(parts[i]), isLast ? keyboard : null, ct);
            partSent?.Invoke(i + 1);
        }

        return last;
    }

    private async Task<Message> SendPartAsync(
        long chatId, long? threadId, string html, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        var target = await _migrations.ResolveAsync(chatId, ct);
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.WaitAsync(target, ct);
            try
            {
                return await _client.SendMessage(
                    target,
                    html,
                    ParseMode.Html,
                    replyMarkup: keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                    messageThreadId: threadId is { } thread ? checked((int)thread) : null,
                    cancellationToken: ct);
            }
            catch (ApiRequestException ex) when (ex.Parameters?.MigrateToChatId is { } moved && attempt < 2)
            {
                await _migrations.RecordAsync(target, moved, ct);
                target = moved;
            }
        }
    }

    private async Task<InlineKeyboardMarkup> KeyboardAsync(IReadOnlyList<ChoiceOption> choices, CancellationToken ct)
    {
        // Short titles two to a row, long ones alone, so nothing is cut off on a phone.
        var rows = new List<List<InlineKeyboardButton>>();
        var row = new List<InlineKeyboardButton>(2);
        foreach (var choice in choices)
        {
            // WithCallbackData, not the (text, data) constructor: that one takes data that parses as an address
            // (our "v:confirm" does) for a URL button.
            var button = InlineKeyboardButton.WithCallbackData(choice.Title, await _callbackData.EncodeAsync(choice.Value, ct));
            if (choice.Title.Length > 14 || row.Count == 2)
            {
                if (row.Count > 0)
                {
                    rows.Add(row);
                    row = new List<InlineKeyboardButton>(2);
                }
            }

            row.Add(button);
            if (choice.Title.Length > 14)
            {
                rows.Add(row);
                row = new List<InlineKeyboardButton>(2);
            }
        }

        if (row.Count > 0)
        {
            rows.Add(row);
        }

        return new InlineKeyboardMarkup(rows);
    }
}
