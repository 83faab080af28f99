using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Tickets;

/// <summary>Everything one action changes on an existing ticket, written in one transaction with its history
/// lines, the transcript lines and the replies for the user's chat (outbox). Null fields stay as they are.</summary>
public sealed record TicketChange
{
    /// <summary>The ticket.</summary>
    public required long Number { get; init; }

    /// <summary>The version the change was decided on; a different current version fails the change with
    /// <see cref="TicketConflictException"/> (two agents claiming at once: one wins). Null: no check.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>New status.</summary>
    public TicketStatus? Status { get; init; }

    /// <summary>New assignee; <see cref="AssigneeChange.Nobody"/> unassigns.</summary>
    public AssigneeChange? Assignee { get; init; }

    /// <summary>New priority.</summary>
    public TicketPriority? Priority { get; init; }

    /// <summary>Marks (or clears) that the user cannot be reached in their chat.</summary>
    public bool? Unreachable { get; init; }

    /// <summary>Marks that a seed phrase or private key was exposed (raises the priority to urgent).</summary>
    public bool SecretExposed { get; init; }

    /// <summary>The user's CSAT rating, 1 to 5.</summary>
    public int? Rating { get; init; }

    /// <summary>The user's CSAT comment (redacted).</summary>
    public string? RatingComment { get; init; }

    /// <summary>Sets the first-response time if it is not set yet (an agent's first reply).</summary>
    public bool FirstResponse { get; init; }

    /// <summary>Records that the user wrote (for "waiting on user" and the console's last-activity column).</summary>
    public bool UserMessage { get; init; }

    /// <summary>Details to add or replace (same id replaces).</summary>
    public IReadOnlyList<TicketDetail> AddDetails { get; init; } = [];

    /// <summary>Attachments to add (their bytes are already on disk).</summary>
    public IReadOnlyList<TicketAttachment> AddAttachments { get; init; } = [];

    /// <summary>An internal note to add (its id is assigned by the store).</summary>
    public TicketNote? Note { get; init; }

    /// <summary>History lines for the audit trail.</summary>
    public IReadOnlyList<TicketHistoryEntry> History { get; init; } = [];

    /// <summary>Lines for the ticket's conversation transcript (an agent's reply, an event).</summary>
    public IReadOnlyList<TranscriptLine> Transcript { get; init; } = [];

    /// <summary>Replies for the user's chat, in order.</summary>
    public IReadOnlyList<BotReply> Outbox { get; init; } = [];
}

/// <summary>A new assignee, or nobody.</summary>
/// <param name="AgentId">The agent, or null for nobody.</param>
/// <param name="AgentName">Their name, or null.</param>
public sealed record AssigneeChange(long? AgentId, string? AgentName)
{
    /// <summary>Unassigns the ticket.</summary>
    public static AssigneeChange Nobody { get; } = new(null, null);
}

/// <summary>A ticket change named a version that is no longer current.</summary>
public sealed class TicketConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TicketConflictException(long number)
        : base($"Ticket {number} was changed by someone else.")
    {
        Number = number;
    }

    /// <summary>Creates the exception.</summary>
    public TicketConflictException()
        : base("The ticket was changed by someone else.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public TicketConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ticket.</summary>
    public long Number { get; }
}
