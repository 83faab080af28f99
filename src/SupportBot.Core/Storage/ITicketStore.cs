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
}
