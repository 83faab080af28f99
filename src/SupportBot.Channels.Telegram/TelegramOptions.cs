namespace SupportBot.Channels.Telegram;

/// <summary>Section <c>Telegram</c>:
/// <code>
/// "Telegram": { "BotToken": "", "Mode": "Polling", "WebhookUrl": "https://bot.example.com/telegram/webhook",
///               "WebhookSecret": "…", "AgentChatId": -1001234567890 }
/// </code>
/// The channel starts only when <see cref="BotToken"/> is set.</summary>
public sealed class TelegramOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telegram";

    /// <summary>The token from @BotFather. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API base address (tests point it at a fake server).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>Polling (default) or webhook.</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address Telegram posts updates to (webhook mode); its path is the endpoint's.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1–256 of A-Z a-z 0-9 _ -.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How long a webhook request waits for its update's turn to be stored before it asks Telegram to send
    /// the update again (Telegram keeps an update until it hears 200).</summary>
    public TimeSpan WebhookAckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The forum supergroup where agents work tickets in topics; null for none.</summary>
    public long? AgentChatId { get; set; }

    /// <summary>The language of texts shown to agents in the forum group.</summary>
    public string AgentLocale { get; set; } = "en";

    /// <summary>getUpdates long-poll seconds.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout of every other Bot API call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest file downloaded from a user (the Bot API serves at most 20 MB).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Messages per second into one chat (Telegram: about 1).</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages per second overall (Telegram: about 30).</summary>
    public double GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Whether the channel is configured at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>The webhook endpoint's path: the path of <see cref="WebhookUrl"/>, or <c>/telegram/webhook</c>.</summary>
    public string WebhookPath =>
        WebhookUrl is { } url && url.AbsolutePath.Length > 1 ? url.AbsolutePath : "/telegram/webhook";
}
