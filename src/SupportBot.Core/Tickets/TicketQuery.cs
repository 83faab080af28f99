using SupportBot.Core.Catalog;

namespace SupportBot.Core.Tickets;

/// <summary>Filters for the agent queue and the REST API. Results come urgent first, then oldest first (queue
/// order).</summary>
public sealed record TicketQuery
{
    /// <summary>Only these statuses; empty for all.</summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];

    /// <summary>Only this priority.</summary>
    public TicketPriority? Priority { get; init; }

    /// <summary>Only this channel.</summary>
    public string? Channel { get; init; }

    /// <summary>Only this category (problem id).</summary>
    public string? Category { get; init; }

    /// <summary>Only tickets assigned to this agent.</summary>
    public long? AssigneeId { get; init; }

    /// <summary>Only tickets nobody is assigned to.</summary>
    public bool UnassignedOnly { get; init; }

    /// <summary>Only tickets changed at or after this time (the console's watch for changes other processes made).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>At most this many.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Skip this many.</summary>
    public int Offset { get; init; }
}
