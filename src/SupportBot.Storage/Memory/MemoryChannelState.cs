using System.Collections.Concurrent;

namespace SupportBot.Storage.Memory;

/// <summary>The in-memory channel cursors and ticket links. Links are kept both ways under one lock so a replaced
/// link never leaves a stale reverse entry.</summary>
internal sealed class MemoryChannelState
{
    private readonly ConcurrentDictionary<string, string> _cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, long Ticket), string> _links = [];
    private readonly Lock _gate = new();

    public string? GetCursor(string name) => _cursors.TryGetValue(name, out var value) ? value : null;

    public void SetCursor(string name, string value) => _cursors[name] = value;

    public string? GetTicketLink(string channel, long ticket)
    {
        lock (_gate)
        {
            return _links.TryGetValue((channel, ticket), out var external) ? external : null;
        }
    }

    /// <summary>The newest ticket linked to the external id (as the SQLite store answers).</summary>
    public long? FindTicket(string channel, string externalId)
    {
        lock (_gate)
        {
            long? found = null;
            foreach (var ((linkChannel, ticket), external) in _links)
            {
                if (linkChannel == channel && external == externalId && (found is null || ticket > found))
                {
                    found = ticket;
                }
            }

            return found;
        }
    }

    public void SetTicketLink(string channel, long ticket, string externalId)
    {
        lock (_gate)
        {
            _links[(channel, ticket)] = externalId;
        }
    }
}
