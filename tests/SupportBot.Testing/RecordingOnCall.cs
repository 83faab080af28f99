using SupportBot.Core.Handoff;
using SupportBot.Core.Tickets;

namespace SupportBot.Testing;

/// <summary>An on-call alert that remembers which tickets it was told about.</summary>
public sealed class RecordingOnCall : IOnCallAlert
{
    private readonly List<long> _alerted = [];

    /// <summary>Ticket numbers alerted, in order.</summary>
    public IReadOnlyList<long> Alerted
    {
        get
        {
            lock (_alerted)
            {
                return [.. _alerted];
            }
        }
    }

    /// <inheritdoc />
    public Task AlertAsync(NewTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_alerted)
        {
            _alerted.Add(ticket.Number);
        }

        return Task.CompletedTask;
    }
}
