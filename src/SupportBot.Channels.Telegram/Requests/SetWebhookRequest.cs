namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>setWebhook</c> with the secret Telegram echoes in every POST.</summary>
internal sealed record SetWebhookRequest(string Url) : BotRequest<bool>("setWebhook")
{
    public string? SecretToken { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
