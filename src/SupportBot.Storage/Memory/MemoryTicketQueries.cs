using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>The ticket desk's reads over a snapshot of the in-memory tickets, answering as the SQLite queries do.
/// </summary>
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

    public static List<Ticket> Filter(IEnumerable<Ticket> tickets, TicketQuery query)
    {
        var matching = tickets.Where(t => Matches(t, query)).ToList();
        matching.Sort(QueueOrder);
        return matching;
    }

    public static IReadOnlyList<Ticket> Page(List<Ticket> sorted, TicketQuery query) =>
        [.. sorted.Skip(query.Offset).Take(query.Limit)];

    public static int QueuePosition(IEnumerable<Ticket> tickets, Ticket ticket)
    {
        if (ticket.Status != TicketStatus.New)
        {
            return 0;
        }

        return 1 + tickets.Count(t => t.Status == TicketStatus.New && QueueOrder(t, ticket) < 0);
    }

    public static TicketStats Stats(List<(Ticket Ticket, DateTimeOffset? RatedAt)> rows, DateTimeOffset since)
    {
        var open = Enum.GetValues<TicketPriority>().ToDictionary(p => p, _ => 0);
        var responses = new List<(DateTimeOffset CreatedAt, DateTimeOffset FirstResponseAt)>();
        var ratings = new List<(DateTimeOffset At, int Rating)>();
        foreach (var (ticket, ratedAt) in rows)
        {
            if (ticket.IsOpen)
            {
                open[ticket.Priority] = open.GetValueOrDefault(ticket.Priority) + 1;
            }

            if (ticket.CreatedAt >= since && ticket.FirstResponseAt is { } first)
            {
                responses.Add((ticket.CreatedAt, first));
            }

            if (ticket.Rating is { } rating && ratedAt is { } at && at >= since)
            {
                ratings.Add((at, rating));
            }
        }

        responses.Sort(static (a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        ratings.Sort(static (a, b) => a.At.CompareTo(b.At));
        return new TicketStats { OpenByPriority = open, FirstResponses = responses, Ratings = ratings };
    }

    public static IReadOnlyList<Ticket> ResolvedBefore(IEnumerable<Ticket> tickets, DateTimeOffset before)
    {
        var resolved = tickets
            .Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt is { } at && at < before)
            .ToList();
        resolved.Sort(static (a, b) =>
        {
            var byTime = a.ResolvedAt!.Value.CompareTo(b.ResolvedAt!.Value);
            return byTime != 0 ? byTime : a.Number.CompareTo(b.Number);
        });
        return resolved;
    }

    private static bool Matches(Ticket ticket, TicketQuery query) =>
        (query.Statuses.Count == 0 || query.Statuses.Contains(ticket.Status))
        && (query.Priority is not { } priority || ticket.Priority == priority)
        && (query.Channel is not { } channel || ticket.Conversation.Channel == channel)
        && (query.Category is not { } category || ticket.Category == category)
        && (query.AssigneeId is not { } assignee || ticket.AssigneeId == assignee)
        && (!query.UnassignedOnly || ticket.AssigneeId is null)
        && (query.UpdatedSince is not { } since || ticket.UpdatedAt >= since);
}
