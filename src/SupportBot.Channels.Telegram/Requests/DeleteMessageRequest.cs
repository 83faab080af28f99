namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>deleteMessage</c>: only messages younger than 48 hours.</summary>
internal sealed record DeleteMessageRequest(long ChatId, long MessageId) : BotRequest<bool>("deleteMessage");
