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

    /// <summary>Optimistic-concurrency version.</summary>
    public long Version { get; init; }
}
