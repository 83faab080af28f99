using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>editMessageReplyMarkup</c>; without <see cref="ReplyMarkup"/> it removes the keyboard.</summary>
internal sealed record EditMessageReplyMarkupRequest(long ChatId, long MessageId)
    : BotRequest<System.Text.Json.JsonElement>("editMessageReplyMarkup")
{
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}
