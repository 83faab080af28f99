using SupportBot.Core.Activities;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Engine;

/// <summary>What one engine turn produced: the replies and, when the flow ended in a handoff, a ticket.</summary>
public sealed class TurnOutcome
{
    /// <summary>Replies in order.</summary>
    public List<BotReply> Replies { get; } = [];

    /// <summary>The ticket to create, if any.</summary>
    public NewTicket? Ticket { get; set; }
}
