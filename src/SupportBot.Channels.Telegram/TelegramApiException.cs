namespace SupportBot.Channels.Telegram;

/// <summary>The Bot API answered and said no: <see cref="ErrorCode"/> mirrors the HTTP status, <see cref="RetryAfter"/>
/// comes with 429 and <see cref="MigrateToChatId"/> with a group that became a supergroup.</summary>
public sealed class TelegramApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelegramApiException(string method, int errorCode, string description)
        : base($"Telegram {method} failed: {errorCode} {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
    }

    /// <summary>Creates the exception.</summary>
    public TelegramApiException()
        : this("", 0, "")
    {
    }

    /// <summary>Creates the exception.</summary>
    public TelegramApiException(string message)
        : this("", 0, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TelegramApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "";
        Description = message;
    }

    /// <summary>The method called.</summary>
    public string Method { get; } = "";

    /// <summary>The error code (400, 403, 409, 429 …).</summary>
    public int ErrorCode { get; }

    /// <summary>Telegram's description, e.g. "Forbidden: bot was blocked by the user".</summary>
    public string Description { get; } = "";

    /// <summary>For 429: how long to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For a migrated group: its new supergroup id.</summary>
    public long? MigrateToChatId { get; init; }
}
