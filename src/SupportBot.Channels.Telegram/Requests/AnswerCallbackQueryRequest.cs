namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>answerCallbackQuery</c>: stops the button's spinner; needed after every press.</summary>
internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId) : BotRequest<bool>("answerCallbackQuery")
{
    public string? Text { get; init; }
}
