using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>The queue order the in-memory reads share with the SQLite queries.</summary>
internal static class MemoryTicketQueries
{
    /// <summary>Queue order: more urgent first, then older first, then lower number.</summary>
    public static int QueueOrder(Ticket a, Ticket b)
    {
        var byPriority = a.Priority.CompareTo(b.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = a.CreatedAt.CompareTo(b.CreatedAt);
        return byTime != 0 ? byTime : a.Number.CompareTo(b.Number);
    }
}
