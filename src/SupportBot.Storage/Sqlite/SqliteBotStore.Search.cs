using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Sqlite;

/// <summary>The console's ticket search (see <see cref="ITicketSearchStore"/>).</summary>
public sealed partial class SqliteBotStore : ITicketSearchStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> SearchTicketsAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var needle = text.Trim();
        var number = long.TryParse(needle, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        return _readers.ReadAsync(
            SqliteTicketSearch.Search,
            (needle, number, limit),
            static (p, a) =>
            {
                p.AddWithValue("$text", a.needle);
                p.AddWithValue("$number", a.number);
                p.AddWithValue("$limit", Math.Clamp(a.limit, 1, 500));
            },
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListRelatedTicketsAsync(
        string channel, string userId, string? uid, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);
        return _readers.ReadAsync(
            SqliteTicketSearch.Related,
            (channel, userId, uid, limit),
            static (p, a) =>
            {
                p.AddWithValue("$channel", a.channel);
                p.AddWithValue("$user", a.userId);
                p.AddWithValue("$uid", (object?)a.uid ?? DBNull.Value);
                p.AddWithValue("$limit", Math.Clamp(a.limit, 1, 500));
            },
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);
    }
}
