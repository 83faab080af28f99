namespace SupportBot.Channels.Discord.Rest;

/// <summary>Discord answered and said no. Carries the HTTP status, Discord's JSON error code (50007: cannot DM this
/// user) and, for 429, how long to wait. The message names the route template only: never a token or text.</summary>
public class DiscordApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordApiException(string route, int status, int? code, TimeSpan? retryAfter = null)
        : base($"Discord refused {route}: HTTP {status}" + (code is null ? "" : $", code {code}") + ".")
    {
        Route = route;
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception.</summary>
    public DiscordApiException()
        : this("", 0, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordApiException(string message)
        : base(message)
    {
        Route = "";
    }

    /// <summary>Creates the exception.</summary>
    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Route = "";
    }

    /// <summary>The route template.</summary>
    public string Route { get; } = "";

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>Discord's JSON error code, if the body had one.</summary>
    public int? Code { get; }

    /// <summary>For 429: the wait Discord asked for.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The user cannot be sent a DM (closed DMs, blocked the bot, shares no server).</summary>
    public bool CannotMessageUser => Code == DiscordErrorCodes.CannotMessageUser;
}
