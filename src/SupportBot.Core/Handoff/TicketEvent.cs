namespace SupportBot.Core.Handoff;

/// <summary>What happened to a ticket, for live views (the console's server-sent events, Telegram topics, Discord
/// threads). Carries no text: listeners read the ticket, so nothing they show skipped the store's redaction.</summary>
/// <param name="Number">The ticket.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="TranscriptSeq">For messages: the transcript line, so a listener can fetch just that one.</param>
public sealed record TicketEvent(long Number, TicketEventKind Kind, DateTimeOffset At, long? TranscriptSeq = null);

/// <summary>Kinds of <see cref="TicketEvent"/>.</summary>
public enum TicketEventKind
{
    /// <summary>A new ticket.</summary>
    Created,

    /// <summary>Status, assignee, priority, details or flags changed.</summary>
    Changed,

    /// <summary>The user wrote (relayed to the ticket).</summary>
    UserMessage,

    /// <summary>An agent replied to the user.</summary>
    AgentReply,

    /// <summary>An internal note was added.</summary>
    Note,

    /// <summary>The optional AI stored its summary on the ticket (never published with AI off). The agents'
    /// workspaces (Telegram topic, Discord thread) post it; it is not an agent's change, so the ticket's version and
    /// history stay as they were.</summary>
    SummaryAdded,
}
