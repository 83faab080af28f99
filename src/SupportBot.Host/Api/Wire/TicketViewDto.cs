namespace SupportBot.Host.Api.Wire;

/// <summary>A ticket with everything an agent sees of it.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Transcript">The conversation from the ticket's first line on (secrets already removed).</param>
/// <param name="Notes">Internal notes, oldest first.</param>
/// <param name="History">The audit history, oldest first.</param>
public sealed record TicketViewDto(
    TicketDto Ticket,
    IReadOnlyList<TranscriptLineDto> Transcript,
    IReadOnlyList<NoteDto> Notes,
    IReadOnlyList<HistoryEntryDto> History);
