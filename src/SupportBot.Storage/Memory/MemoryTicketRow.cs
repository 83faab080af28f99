using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>One ticket in the in-memory store with what hangs off it. Guarded by the ticket table's lock.</summary>
internal sealed class MemoryTicketRow(Ticket ticket)
{
    public Ticket Ticket { get; set; } = ticket;

    /// <summary>When the rating was given (the dashboard counts ratings by it).</summary>
    public DateTimeOffset? RatedAt { get; set; }

    public List<TicketNote> Notes { get; } = [];

    public List<TicketHistoryEntry> History { get; } = [];
}
