namespace SupportBot.Channels.Telegram;

/// <summary>How the bot receives updates; Telegram allows only one at a time.</summary>
public enum TelegramMode
{
    /// <summary><c>getUpdates</c> long polling (works behind NAT; the default).</summary>
    Polling,

    /// <summary>Telegram POSTs each update to <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    Webhook,
}
