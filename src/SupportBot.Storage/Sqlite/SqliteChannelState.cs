using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>The statements behind <see cref="Core.Storage.IChannelStateStore"/>: channel cursors and the links
/// between tickets and the staff places (topics, threads) that mirror them.</summary>
internal static class SqliteChannelState
{
    public const string Cursor = "SELECT value FROM channel_cursors WHERE name = $name";

    public const string TicketLink = "SELECT external_id FROM ticket_links WHERE channel = $channel AND ticket = $ticket";

    // Two tickets may name the same external id (a thread reused after a clean-up); the newest ticket wins.
    public const string LinkedTicket = """
        SELECT ticket FROM ticket_links WHERE channel = $channel AND external_id = $external
        ORDER BY ticket DESC LIMIT 1
        """;

    private const string UpsertCursor = """
        INSERT INTO channel_cursors (name, value) VALUES ($name, $value)
        ON CONFLICT (name) DO UPDATE SET value = excluded.value
        """;

    private const string UpsertLink = """
        INSERT INTO ticket_links (channel, ticket, external_id) VALUES ($channel, $ticket, $external)
        ON CONFLICT (channel, ticket) DO UPDATE SET external_id = excluded.external_id
        """;

    public static string? ReadString(SqliteDataReader reader) => reader.Read() ? reader.GetString(0) : null;

    public static long? ReadNumber(SqliteDataReader reader) => reader.Read() ? reader.GetInt64(0) : null;

    public static long SetCursor(SqliteSession session, string name, string value)
    {
        var command = session.Command(UpsertCursor);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$value", value);
        return command.ExecuteNonQuery();
    }

    public static long SetTicketLink(SqliteSession session, string channel, long ticket, string externalId)
    {
        var command = session.Command(UpsertLink);
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$ticket", ticket);
        command.Parameters.AddWithValue("$external", externalId);
        return command.ExecuteNonQuery();
    }
}
