using SupportBot.Core.Tickets;

namespace SupportBot.Core.Storage;

/// <summary>Finding tickets for the agent console: by what an agent has in hand (a ticket number, a UID, a TXID, an
/// address, an email or phone, words from the conversation), and a user's other tickets.</summary>
public interface ITicketSearchStore
{
    /// <summary>Tickets whose number is <paramref name="text"/>, or whose user id, gathered details or conversation
    /// text contain it (case-insensitive), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Ticket>> SearchTicketsAsync(string text, int limit, CancellationToken cancellationToken = default);

    /// <summary>The tickets of the same user in <paramref name="channel"/>, and those in any channel whose UID detail
    /// is <paramref name="uid"/> (when given), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Ticket>> ListRelatedTicketsAsync(
        string channel, string userId, string? uid, int limit, CancellationToken cancellationToken = default);
}
