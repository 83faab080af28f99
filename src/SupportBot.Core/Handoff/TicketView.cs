using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>Everything an agent sees of a ticket: the ticket, its (redacted) transcript, notes and history.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Transcript">The conversation's lines from the ticket's first line on.</param>
/// <param name="Notes">Internal notes.</param>
/// <param name="History">Audit history.</param>
public sealed record TicketView(
    Ticket Ticket,
    IReadOnlyList<TranscriptLine> Transcript,
    IReadOnlyList<TicketNote> Notes,
    IReadOnlyList<TicketHistoryEntry> History);
