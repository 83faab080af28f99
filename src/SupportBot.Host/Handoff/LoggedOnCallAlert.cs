using SupportBot.Core.Handoff;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.Handoff;

/// <summary>The default on-call alert: one warning line in the log with the ticket number, category and channel
/// (never what the user wrote), for whatever watches the log to page the person on call.</summary>
internal sealed partial class LoggedOnCallAlert : IOnCallAlert
{
    private readonly ILogger<LoggedOnCallAlert> _log;

    public LoggedOnCallAlert(ILogger<LoggedOnCallAlert> log) => _log = log;

    public Task AlertAsync(NewTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        LogUrgent(ticket.Number, ticket.Category, ticket.Conversation.Channel);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ON-CALL: urgent ticket #{Number} ({Category}, {Channel}) arrived outside business hours.")]
    private partial void LogUrgent(long number, string category, string channel);
}
