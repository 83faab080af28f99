using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Tickets;

/// <summary>A stored ticket.</summary>
public sealed record Ticket
{
    /// <summary>The number the user quotes.</summary>
    public required long Number { get; init; }

    /// <summary>The conversation it came from.</summary>
    public required ConversationKey Conversation { get; init; }

    /// <summary>The channel's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The name the user's channel shows for them (Telegram or Discord profile name), so agents see a person
    /// rather than an id; null when the channel has none or the name held anything the safety guard flags.</summary>
    public string? UserName { get; init; }

    /// <summary>The problem id.</summary>
    public required string Category { get; init; }

    /// <summary>Current priority.</summary>
    public required TicketPriority Priority { get; init; }

    /// <summary>Current status.</summary>
    public required TicketStatus Status { get; init; }

    /// <summary>A seed phrase or private key was exposed.</summary>
    public bool SecretExposed { get; init; }

    /// <summary>The user's locale.</summary>
    public required string Locale { get; init; }

    /// <summary>The gathered details.</summary>
    public required IReadOnlyList<TicketDetail> Details { get; init; }

    /// <summary>The first transcript line of the conversation that belongs to this ticket.</summary>
    public long TranscriptFromSeq { get; init; }

    /// <summary>Created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The agent working on it, or null.</summary>
    public long? AssigneeId { get; init; }

    /// <summary>That agent's name, or null.</summary>
    public string? AssigneeName { get; init; }

    /// <summary>The user cannot be reached in their chat (blocked the bot, closed DMs).</summary>
    public bool Unreachable { get; init; }

    /// <summary>The user's CSAT rating (1–5), once given.</summary>
    public int? Rating { get; init; }

    /// <summary>The user's CSAT comment (redacted), if any.</summary>
    public string? RatingComment { get; init; }

    /// <summary>An agent's first reply.</summary>
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>When it was last resolved (cleared by a reopen).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the user last wrote about it.</summary>
    public DateTimeOffset? LastUserMessageAt { get; init; }

    /// <summary>A short summary for the agent written by the optional AI from the redacted transcript (checked by the
    /// outbound guard and the secret scanner), or null: AI off, failed, or not done yet.</summary>
    public string? Summary { get; init; }

    /// <summary>Files kept with it.</summary>
    public IReadOnlyList<TicketAttachment> Attachments { get; init; } = [];

    /// <summary>Whether agents still have work on it (new, assigned or waiting on the user).</summary>
    public bool IsOpen => Status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.WaitingOnUser;

    /// <summary>Optimistic-concurrency version.</summary>
    public long Version { get; init; }
}
