namespace SupportBot.Channels.Telegram;

/// <summary>The request never got an answer from the Bot API: network failure or timeout. Carries no address
/// (it holds the token) and no message text.</summary>
public sealed class TelegramRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelegramRequestException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TelegramRequestException()
        : this("The Telegram request failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public TelegramRequestException(string message)
        : this(message, null)
    {
    }

    /// <summary>Whether it was a timeout.</summary>
    public bool IsTimeout { get; init; }
}
