using SupportBot.Core.Activities;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The bot report's reads (see <see cref="IReportStore"/>). The transcript has no index on time (one would
/// cost every turn a write); the report is asked for rarely and reads the period in one pass.</summary>
public sealed partial class SqliteBotStore : IReportStore
{
    private const string ReportLines = """
        SELECT channel, conversation_id, seq, direction, text, at FROM transcript
        WHERE at >= $from AND at < $to ORDER BY channel, conversation_id, seq LIMIT $limit
        """;

    private const string TicketsCreated = "SELECT " + SqliteTicketReader.Columns + """
         FROM tickets WHERE created_at >= $from AND created_at < $to ORDER BY created_at, number
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportLine>> GetTranscriptLinesAsync(
        DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync<(long From, long To, int Limit), IReadOnlyList<ReportLine>>(
            ReportLines,
            (ToMilliseconds(since), ToMilliseconds(until), limit),
            static (p, a) =>
            {
                p.AddWithValue("$from", a.From);
                p.AddWithValue("$to", a.To);
                p.AddWithValue("$limit", a.Limit);
            },
            static (reader, _) =>
            {
                var lines = new List<ReportLine>();
                while (reader.Read())
                {
                    lines.Add(new ReportLine(
                        new ConversationKey(reader.GetString(0), reader.GetString(1)),
                        reader.GetInt64(2),
                        ToDirection(reader.GetString(3)),
                        reader.GetString(4),
                        FromMilliseconds(reader.GetInt64(5))));
                }

                return lines;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListTicketsCreatedAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            TicketsCreated,
            (ToMilliseconds(since), ToMilliseconds(until)),
            static (p, a) =>
            {
                p.AddWithValue("$from", a.Item1);
                p.AddWithValue("$to", a.Item2);
            },
            static (reader, _) => SqliteQueries.ReadTickets(reader),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TranscriptLine>> GetConversationAsync(
        ConversationKey conversation, CancellationToken cancellationToken = default) =>
        GetTranscriptAsync(conversation, 0, cancellationToken);
}
