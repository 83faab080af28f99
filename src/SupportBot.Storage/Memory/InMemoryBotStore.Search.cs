using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>The console's ticket search (see <see cref="ITicketSearchStore"/>), by scanning.</summary>
public sealed partial class InMemoryBotStore : ITicketSearchStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> SearchTicketsAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var needle = text.Trim();
        var found = new List<Ticket>();
        foreach (var (ticket, _) in _tickets.Snapshot().OrderByDescending(t => t.Ticket.CreatedAt).ThenByDescending(t => t.Ticket.Number))
        {
            if (found.Count >= Math.Clamp(limit, 1, 500))
            {
                break;
            }

            if (ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == needle
                || Has(ticket.UserId, needle)
                || Has(ticket.UserName, needle)
                || ticket.Details.Any(d => Has(d.Value, needle) || Has(d.Display, needle) || Has(d.Original, needle))
                || (await GetTranscriptAsync(ticket.Conversation, ticket.TranscriptFromSeq, cancellationToken)).Any(l => Has(l.Text, needle)))
            {
                found.Add(ticket);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListRelatedTicketsAsync(
        string channel, string userId, string? uid, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);
        IReadOnlyList<Ticket> related =
        [
            .. _tickets.Snapshot()
                .Select(t => t.Ticket)
                .Where(t => (t.Conversation.Channel == channel && t.UserId == userId)
                    || (uid is not null && t.Details.Any(d => d.Kind == SlotKinds.Uid && d.Value == uid)))
                .OrderByDescending(t => t.CreatedAt)
                .ThenByDescending(t => t.Number)
                .Take(Math.Clamp(limit, 1, 500)),
        ];
        return Task.FromResult(related);
    }

    private static bool Has(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}
