namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>sendChatAction</c>: "typing…" for up to five seconds.</summary>
internal sealed record SendChatActionRequest(long ChatId, string Action) : BotRequest<bool>("sendChatAction")
{
    public const string Typing = "typing";
}
