using SupportBot.Core.Tickets;

namespace SupportBot.Core.Storage;

/// <summary>Tickets. Creation happens inside <see cref="IConversationStore.CommitTurnAsync"/>; this is the rest.</summary>
public interface ITicketStore
{
    /// <summary>Reserves the next ticket number (starting at 100001). A crashed turn may leave a gap; numbers are
    /// never reused.</summary>
    Task<long> NextTicketNumberAsync(CancellationToken cancellationToken = default);

    /// <summary>The ticket, or null.</summary>
    Task<Ticket?> GetTicketAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>The user's tickets in a channel, newest first.</summary>
    Task<IReadOnlyList<Ticket>> ListTicketsForUserAsync(
        string channel, string userId, CancellationToken cancellationToken = default);

    /// <summary>Tickets matching <paramref name="query"/>: urgent first, then oldest first.</summary>
    Task<IReadOnlyList<Ticket>> QueryTicketsAsync(TicketQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many tickets match <paramref name="query"/> (ignoring its limit and offset).</summary>
    Task<int> CountTicketsAsync(TicketQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies a change atomically (ticket, history, note, transcript, outbox) and returns the ticket as it
    /// is now, or null when there is no such ticket. Throws <see cref="TicketConflictException"/> when
    /// <see cref="TicketChange.ExpectedVersion"/> is set and not current.</summary>
    Task<Ticket?> ApplyTicketChangeAsync(TicketChange change, CancellationToken cancellationToken = default);

    /// <summary>The ticket's internal notes, oldest first.</summary>
    Task<IReadOnlyList<TicketNote>> GetNotesAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>The ticket's audit history, oldest first.</summary>
    Task<IReadOnlyList<TicketHistoryEntry>> GetHistoryAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>The ticket's place in the queue of new (unclaimed) tickets: 1 + the new tickets that come before it
    /// (higher priority, or the same priority and older). 0 when it is not new.</summary>
    Task<int> QueuePositionAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>Numbers for the queue estimate and the dashboard, for tickets since <paramref name="since"/>.</summary>
    Task<TicketStats> GetStatsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Resolved tickets whose resolution is older than <paramref name="resolvedBefore"/> (to be closed).</summary>
    Task<IReadOnlyList<Ticket>> ListResolvedBeforeAsync(
        DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default);
}
