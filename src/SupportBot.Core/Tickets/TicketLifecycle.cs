namespace SupportBot.Core.Tickets;

/// <summary>Which status changes a ticket allows: new → assigned → waiting on user → resolved → closed, with the
/// ways back an agent needs (unassign to new, reopen a resolved or closed ticket as assigned).</summary>
public static class TicketLifecycle
{
    /// <summary>Whether a ticket may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(TicketStatus from, TicketStatus to) => (from, to) switch
    {
        _ when from == to => true,
        (TicketStatus.New, _) => true,
        (TicketStatus.Assigned, _) => true,
        (TicketStatus.WaitingOnUser, _) => true,
        (TicketStatus.Resolved, TicketStatus.Closed or TicketStatus.Assigned or TicketStatus.New) => true,
        (TicketStatus.Closed, TicketStatus.Assigned or TicketStatus.New) => true,
        _ => false,
    };

    /// <summary>The status's name on the wire and in the history: <c>new</c>, <c>assigned</c>,
    /// <c>waiting_on_user</c>, <c>resolved</c>, <c>closed</c>.</summary>
    public static string Name(TicketStatus status) => status switch
    {
        TicketStatus.New => "new",
        TicketStatus.Assigned => "assigned",
        TicketStatus.WaitingOnUser => "waiting_on_user",
        TicketStatus.Resolved => "resolved",
        _ => "closed",
    };

    /// <summary>The status with that wire name (case-insensitive), or null.</summary>
    public static TicketStatus? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "new" => TicketStatus.New,
        "assigned" => TicketStatus.Assigned,
        "waiting_on_user" or "waiting" => TicketStatus.WaitingOnUser,
        "resolved" => TicketStatus.Resolved,
        "closed" => TicketStatus.Closed,
        _ => null,
    };
}
