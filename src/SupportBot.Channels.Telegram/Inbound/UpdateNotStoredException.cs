namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>The router could not store the update's turn (the store is down): the update must stay unconfirmed with
/// Telegram and be handled again, instead of being answered "please send it again" and forgotten.</summary>
public sealed class UpdateNotStoredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UpdateNotStoredException()
        : base("The store did not take the Telegram update's turn; the update is kept for another try.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public UpdateNotStoredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UpdateNotStoredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
