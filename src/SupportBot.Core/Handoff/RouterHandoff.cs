using SupportBot.Core.Storage;

namespace SupportBot.Core.Handoff;

/// <summary>The ticket side of the router: the user's ticket commands and live relay, where screenshots are kept,
/// the live views to tell, and the on-call alert. Bundled so the router's constructor stays readable and a bare
/// router (tests of the dialog alone) can leave it out.</summary>
/// <param name="Tickets">The user's side of tickets.</param>
/// <param name="Queue">Queue position and wait estimates.</param>
/// <param name="Events">Live views to tell after each commit.</param>
/// <param name="Attachments">Where screenshots are kept; null keeps only their names.</param>
/// <param name="OnCall">Alert for urgent tickets outside business hours; null for none.</param>
public sealed record RouterHandoff(
    UserTickets Tickets,
    QueueAdvisor Queue,
    TicketEvents Events,
    IAttachmentStore? Attachments = null,
    IOnCallAlert? OnCall = null);
