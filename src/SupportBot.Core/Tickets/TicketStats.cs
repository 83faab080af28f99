using SupportBot.Core.Catalog;

namespace SupportBot.Core.Tickets;

/// <summary>Raw numbers for the queue estimate and the dashboard; callers compute medians and series.</summary>
public sealed record TicketStats
{
    /// <summary>Open tickets (new, assigned, waiting on user) by priority.</summary>
    public required IReadOnlyDictionary<TicketPriority, int> OpenByPriority { get; init; }

    /// <summary>Tickets created since the cut-off that got a first response: (created, first response).</summary>
    public required IReadOnlyList<(DateTimeOffset CreatedAt, DateTimeOffset FirstResponseAt)> FirstResponses { get; init; }

    /// <summary>CSAT ratings given since the cut-off: (when, rating).</summary>
    public required IReadOnlyList<(DateTimeOffset At, int Rating)> Ratings { get; init; }
}
