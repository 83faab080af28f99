namespace SupportBot.Core.Activities;

/// <summary>One message from a user, in channel-neutral form. Adapters build it; the engine never sees wire formats.</summary>
public sealed record InboundActivity
{
    /// <summary>The conversation the message belongs to.</summary>
    public required ConversationKey Conversation { get; init; }

    /// <summary>The channel's id of the user.</summary>
    public required string UserId { get; init; }

    /// <summary>The display name the channel reports, if any.</summary>
    public string? UserName { get; init; }

    /// <summary>The channel's id of this message; used to drop redelivered duplicates.</summary>
    public string? MessageId { get; init; }

    /// <summary>The typed text (already redacted once it has passed the safety guard).</summary>
    public string Text { get; init; } = "";

    /// <summary>The value of a choice the user picked (button, keyboard, numbered option), if any.</summary>
    public string? ChoiceValue { get; init; }

    /// <summary>Files sent with the message.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The locale the channel reports for the user (e.g. Telegram's language_code), if any.</summary>
    public string? Locale { get; init; }

    /// <summary>The user opened the chat (web chat's <c>webchat/join</c> event) and has typed nothing yet: the bot
    /// greets a conversation it has not spoken in, and does nothing for one it has (a reloaded page).</summary>
    public bool OpensConversation { get; init; }

    /// <summary>When the channel received it.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
