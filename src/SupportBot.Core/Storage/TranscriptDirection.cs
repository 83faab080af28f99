namespace SupportBot.Core.Storage;

/// <summary>Who wrote a transcript line.</summary>
public enum TranscriptDirection
{
    /// <summary>The end user (always redacted by the safety guard first).</summary>
    User,

    /// <summary>The bot.</summary>
    Bot,

    /// <summary>A human agent.</summary>
    Agent,

    /// <summary>An event (ticket created, secret removed …).</summary>
    System,
}
