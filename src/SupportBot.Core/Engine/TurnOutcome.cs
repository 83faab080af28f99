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

    /// <summary>Details to add to an existing open ticket instead of creating a duplicate, if any.</summary>
    public TicketAppend? Append { get; set; }

    /// <summary>Stored screenshots that belong to <see cref="Ticket"/> or <see cref="Append"/>.</summary>
    public List<string> AttachmentIds { get; } = [];
}

/// <summary>The user chose to add a finished flow's details to their open ticket on the same problem.</summary>
/// <param name="Number">The open ticket.</param>
/// <param name="Details">The details gathered this time.</param>
public sealed record TicketAppend(long Number, IReadOnlyList<TicketDetail> Details);
