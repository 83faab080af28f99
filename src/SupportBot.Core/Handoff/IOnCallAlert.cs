using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>Wakes the person on call when an urgent ticket arrives outside business hours. The host's default
/// writes a warning to the log (where an alerting pipeline picks it up); it never carries message text.</summary>
public interface IOnCallAlert
{
    /// <summary>Alerts about <paramref name="ticket"/>.</summary>
    Task AlertAsync(NewTicket ticket, CancellationToken cancellationToken = default);
}
