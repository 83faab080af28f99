using SupportBot.Core.Activities;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>What <see cref="UserTickets"/> made of a message: replies, ticket changes for the turn's commit, and
/// events to publish after it. <see cref="Handled"/> false means the dialog engine takes the message next (after
/// these replies, e.g. "you left the live chat").</summary>
public sealed class UserTicketTurn
{
    /// <summary>Whether the message was dealt with (relayed, added, rated …) and the engine must not see it.</summary>
    public bool Handled { get; set; }

    /// <summary>Replies, in order.</summary>
    public List<BotReply> Replies { get; } = [];

    /// <summary>Changes to the user's tickets, committed with the turn.</summary>
    public List<TicketChange> Changes { get; } = [];

    /// <summary>Events to publish once the turn is stored.</summary>
    public List<TicketEvent> Events { get; } = [];
}
