using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>sendMessage</c>: at most 4096 characters after entity parsing.</summary>
internal sealed record SendMessageRequest(long ChatId, string Text) : BotRequest<Message>("sendMessage")
{
    public long? MessageThreadId { get; init; }

    public string? ParseMode { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}
