namespace SupportBot.Core.Tickets;

/// <summary>A ticket's place in its life cycle.</summary>
public enum TicketStatus
{
    /// <summary>Created, nobody on it yet.</summary>
    New,

    /// <summary>An agent claimed it.</summary>
    Assigned,

    /// <summary>The agent asked the user something.</summary>
    WaitingOnUser,

    /// <summary>The agent considers it solved.</summary>
    Resolved,

    /// <summary>Done; a new message starts a new ticket (or reopens within the window).</summary>
    Closed,
}
