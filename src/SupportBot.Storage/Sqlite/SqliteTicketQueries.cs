using System.Text;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The ticket desk's read statements and their row mappings.</summary>
internal static class SqliteTicketQueries
{
    public const string Notes =
        "SELECT id, agent_id, agent_name, text, at FROM ticket_notes WHERE ticket = $number ORDER BY id";

    public const string History =
        "SELECT at, actor, action, detail FROM ticket_history WHERE ticket = $number ORDER BY id";

    // The new tickets ahead of this one in queue order (priority, then created, then number), plus itself; 0 when
    // it is not new (or does not exist). The more urgent ones come from the counters; only the ones of its own
    // priority that are older are counted, on the queue index.
    public const string QueuePosition = """
        SELECT CASE WHEN t.status = 'new' THEN 1
            + (SELECT COALESCE(SUM(c.count), 0) FROM ticket_counts c WHERE c.status = 'new' AND c.priority < t.priority)
            + (SELECT COUNT(*) FROM tickets o
               WHERE o.status = 'new' AND o.priority = t.priority AND (o.created_at, o.number) < (t.created_at, t.number))
            ELSE 0 END
        FROM tickets t WHERE t.number = $number
        """;

    // Open counts from the counters; the windows on their partial indexes (first response, rating).
    public const string Stats = """
        SELECT priority, SUM(count) FROM ticket_counts WHERE status IN ('new', 'assigned', 'waiting_on_user')
        GROUP BY priority;
        SELECT created_at, first_response_at FROM tickets
        WHERE created_at >= $since AND first_response_at IS NOT NULL ORDER BY created_at, number;
        SELECT rated_at, rating FROM tickets WHERE rating IS NOT NULL AND rated_at >= $since ORDER BY rated_at, number;
        """;

    // Named, because without statistics the planner took the status index and sorted every resolved ticket.
    public const string ResolvedBefore = "SELECT " + SqliteTicketReader.Columns + """
         FROM tickets INDEXED BY ix_tickets_resolved
        WHERE status = 'resolved' AND resolved_at < $before ORDER BY resolved_at, number
        """;

    /// <summary>The SELECT (or COUNT) for <paramref name="query"/>; only the filters it sets appear, so each shape
    /// can use an index. The shapes are few, so the session's prepared-command cache stays small. A count filtered
    /// by nothing but statuses and a priority reads the counters; a page of several statuses is one ordered
    /// sub-query per status (each stops at the page's end on the queue index) merged, instead of sorting every
    /// ticket of those statuses.</summary>
    public static string Build(TicketQuery query, bool count)
    {
        var onlyCounted = query.Channel is null && query.Category is null && query.AssigneeId is null
            && !query.UnassignedOnly && query.UpdatedSince is null;
        if (count && onlyCounted)
        {
            return CountFromCounters(query);
        }

        if (!count && query.Statuses.Count > 1 && query.UpdatedSince is null
            && query.Statuses.Distinct().Count() == query.Statuses.Count)
        {
            var parts = query.Statuses.Select((_, i) =>
                "SELECT * FROM (SELECT " + SqliteTicketReader.Columns + " FROM tickets WHERE "
                + string.Join(" AND ", Filters(query, "status = $s" + i))
                + " ORDER BY priority, created_at, number LIMIT $window)");
            return string.Join(" UNION ALL ", parts) + " ORDER BY priority, created_at, number LIMIT $limit OFFSET $offset";
        }

        var sql = new StringBuilder(
            count ? "SELECT COUNT(*) FROM tickets" : "SELECT " + SqliteTicketReader.Columns + " FROM tickets");
        var where = Filters(
            query,
            query.Statuses.Count > 0 ? "status IN (" + string.Join(", ", query.Statuses.Select((_, i) => "$s" + i)) + ")" : null);
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        if (!count)
        {
            sql.Append(" ORDER BY priority, created_at, number LIMIT $limit OFFSET $offset");
        }

        return sql.ToString();
    }

    private static string CountFromCounters(TicketQuery query)
    {
        var where = new List<string>();
        if (query.Statuses.Count > 0)
        {
            where.Add("status IN (" + string.Join(", ", query.Statuses.Select((_, i) => "$s" + i)) + ")");
        }

        if (query.Priority is not null)
        {
            where.Add("priority = $priority");
        }

        return "SELECT COALESCE(SUM(count), 0) FROM ticket_counts"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "");
    }

    private static List<string> Filters(TicketQuery query, string? statuses)
    {
        var where = new List<string>();
        if (statuses is not null)
        {
            where.Add(statuses);
        }

        if (query.Priority is not null)
        {
            where.Add("priority = $priority");
        }

        if (query.Channel is not null)
        {
            where.Add("channel = $channel");
        }

        if (query.Category is not null)
        {
            where.Add("category = $category");
        }

        if (query.AssigneeId is not null)
        {
            where.Add("assignee_id = $assignee");
        }

        if (query.UnassignedOnly)
        {
            where.Add("assignee_id IS NULL");
        }

        if (query.UpdatedSince is not null)
        {
            where.Add("updated_at >= $updated_since");
        }

        return where;
    }

    public static void Bind(SqliteParameterCollection parameters, TicketQuery query)
    {
        for (var i = 0; i < query.Statuses.Count; i++)
        {
            parameters.AddWithValue("$s" + i, ToText(query.Statuses[i]));
        }

        if (query.Priority is { } priority)
        {
            parameters.AddWithValue("$priority", (int)priority);
        }

        if (query.Channel is { } channel)
        {
            parameters.AddWithValue("$channel", channel);
        }

        if (query.Category is { } category)
        {
            parameters.AddWithValue("$category", category);
        }

        if (query.AssigneeId is { } assignee)
        {
            parameters.AddWithValue("$assignee", assignee);
        }

        if (query.UpdatedSince is { } since)
        {
            parameters.AddWithValue("$updated_since", ToMilliseconds(since));
        }

        parameters.AddWithValue("$limit", query.Limit);
        parameters.AddWithValue("$offset", query.Offset);
        parameters.AddWithValue("$window", (long)query.Limit + query.Offset);
    }

    public static IReadOnlyList<TicketNote> ReadNotes(SqliteDataReader reader)
    {
        var notes = new List<TicketNote>();
        while (reader.Read())
        {
            notes.Add(new TicketNote(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                FromMilliseconds(reader.GetInt64(4))));
        }

        return notes;
    }

    public static IReadOnlyList<TicketHistoryEntry> ReadHistory(SqliteDataReader reader)
    {
        var history = new List<TicketHistoryEntry>();
        while (reader.Read())
        {
            history.Add(new TicketHistoryEntry(
                FromMilliseconds(reader.GetInt64(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return history;
    }

    public static TicketStats ReadStats(SqliteDataReader reader)
    {
        var open = Enum.GetValues<TicketPriority>().ToDictionary(p => p, _ => 0);
        while (reader.Read())
        {
            var priority = (TicketPriority)reader.GetInt32(0);
            open[priority] = open.GetValueOrDefault(priority) + reader.GetInt32(1);
        }

        var responses = new List<(DateTimeOffset CreatedAt, DateTimeOffset FirstResponseAt)>();
        reader.NextResult();
        while (reader.Read())
        {
            responses.Add((FromMilliseconds(reader.GetInt64(0)), FromMilliseconds(reader.GetInt64(1))));
        }

        var ratings = new List<(DateTimeOffset At, int Rating)>();
        reader.NextResult();
        while (reader.Read())
        {
            ratings.Add((FromMilliseconds(reader.GetInt64(0)), reader.GetInt32(1)));
        }

        return new TicketStats { OpenByPriority = open, FirstResponses = responses, Ratings = ratings };
    }
}
