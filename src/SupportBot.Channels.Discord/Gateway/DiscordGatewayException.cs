namespace SupportBot.Channels.Discord.Gateway;

/// <summary>Discord closed the gateway with a code that must not be retried (4004, 4010–4014): the channel stops,
/// and the message says what to fix.</summary>
public sealed class DiscordGatewayException : Exception
{
    /// <summary>Creates the exception for <paramref name="closeCode"/>.</summary>
    public DiscordGatewayException(int closeCode)
        : base(Explain(closeCode))
    {
        CloseCode = closeCode;
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The close code.</summary>
    public int CloseCode { get; }

    /// <summary>Whether <paramref name="code"/> stops the channel.</summary>
    public static bool IsFatal(int code) => code is 4004 or (>= 4010 and <= 4014);

    private static string Explain(int code) => "The Discord channel stopped: " + code switch
    {
        4004 => "Discord rejected the bot token (close code 4004). Set Discord:BotToken to the token on the developer portal's Bot page.",
        4010 => "Discord reported an invalid shard (close code 4010).",
        4011 => "Discord requires sharding for this bot (close code 4011); SupportBot runs one shard.",
        4012 => "Discord rejected the gateway API version (close code 4012).",
        4013 => "Discord rejected the intents (close code 4013).",
        4014 => "Discord refused a privileged intent (close code 4014). Turn on MESSAGE CONTENT INTENT on the developer portal's Bot page (needed for the staff threads), or clear Discord:StaffChannelId.",
        _ => $"close code {code}.",
    };
}
