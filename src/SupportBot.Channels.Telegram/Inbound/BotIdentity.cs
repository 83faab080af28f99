namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Who the bot is (from getMe at start-up): to tell a message addressed to it in a group, and to ignore its
/// own messages in the agent group.</summary>
internal sealed class BotIdentity
{
    public long Id { get; set; }

    public string? Username { get; set; }
}
