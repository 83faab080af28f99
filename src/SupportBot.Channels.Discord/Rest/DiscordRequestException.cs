namespace SupportBot.Channels.Discord.Rest;

/// <summary>The call never got an answer from Discord (connection refused, reset, timed out). Worth a retry.</summary>
public sealed class DiscordRequestException : Exception
{
    /// <summary>Creates the exception for <paramref name="route"/> (a template, never a filled path).</summary>
    public DiscordRequestException(string route, Exception innerException)
        : base($"Discord did not answer {route} ({innerException?.GetType().Name}).", innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordRequestException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordRequestException(string message)
        : base(message)
    {
    }
}
