namespace SupportBot.Channels.Discord.Gateway;

/// <summary>The gateway intents we ask for (protocols.md B.3).</summary>
[Flags]
internal enum GatewayIntents
{
    None = 0,

    /// <summary>Threads and channels (the staff channel's ticket threads).</summary>
    Guilds = 1 << 0,

    /// <summary>Messages in guild channels and threads.</summary>
    GuildMessages = 1 << 9,

    /// <summary>Messages in DMs (their content comes without the privileged intent).</summary>
    DirectMessages = 1 << 12,

    /// <summary>Privileged: the content of guild messages; needed only for the staff threads.</summary>
    MessageContent = 1 << 15,
}
