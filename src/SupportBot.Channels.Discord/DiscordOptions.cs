namespace SupportBot.Channels.Discord;

/// <summary>Settings of the Discord channel, section <c>Discord</c>:
/// <code>
/// "Discord": { "BotToken": "", "ApplicationId": "", "GuildId": "", "StaffChannelId": "", "StaffRoleId": "" }
/// </code>
/// The channel starts only when <see cref="BotToken"/> is set.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Discord";

    /// <summary>The bot token from the developer portal (Bot page). Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>The REST base address, API version included; tests point it at a fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>The gateway address; empty asks <c>GET /gateway/bot</c>.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The application id (General Information page); empty takes the one READY reports.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The server where <c>/support</c> and the staff commands are registered (instantly); empty registers
    /// them globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>The text channel where each ticket gets a thread; empty turns the staff side off.</summary>
    public string? StaffChannelId { get; set; }

    /// <summary>The role a member needs (besides an agent account linked to their Discord user) to act on tickets.</summary>
    public string? StaffRoleId { get; set; }

    /// <summary>The language of texts in staff threads (<c>en</c> or <c>zh-CN</c>).</summary>
    public string StaffLocale { get; set; } = "en";

    /// <summary>Most messages one user may send in <see cref="FloodWindow"/> before the bot asks them to slow down.</summary>
    public int FloodLimit { get; set; } = 8;

    /// <summary>The window of <see cref="FloodLimit"/>.</summary>
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest rate-limit wait the REST client sits out inside a call; longer ones go back to the outbox.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest attachment downloaded (bigger ones reach the dialog without bytes and are refused there).</summary>
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Whether the channel is configured to start.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>Whether the staff side (ticket threads) is on.</summary>
    public bool StaffEnabled => !string.IsNullOrWhiteSpace(StaffChannelId);
}
