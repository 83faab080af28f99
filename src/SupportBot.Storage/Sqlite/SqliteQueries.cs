using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Serialization;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The read statements and how their rows map to Core records.</summary>
internal static class SqliteQueries
{
    public const string Load =
        "SELECT user_id, version, state FROM conversations WHERE channel = $channel AND conversation_id = $id";

    public const string Processed = """
        SELECT 1 FROM inbound_messages WHERE channel = $channel AND conversation_id = $id AND message_id = $message
        """;

    public const string Transcript = """
        SELECT seq, direction, text, attachments, at FROM transcript
        WHERE channel = $channel AND conversation_id = $id AND seq >= $from ORDER BY seq
        """;

    public const string Ticket = "SELECT " + SqliteTicketReader.Columns + " FROM tickets WHERE number = $number";

    public const string UserTickets = "SELECT " + SqliteTicketReader.Columns + """
         FROM tickets WHERE channel = $channel AND user_id = $user ORDER BY created_at DESC, number DESC
        """;

    // A message waiting for a retry holds back the later messages of its conversation, so a chat never receives
    // replies out of order; other conversations are not held back.
    public const string Pending = """
        SELECT o.id, o.conversation_id, o.reply, o.created_at, o.attempts FROM outbox o
        WHERE o.channel = $channel AND o.delivered_at IS NULL AND o.next_attempt_at <= $now
          AND NOT EXISTS (
            SELECT 1 FROM outbox e
            WHERE e.channel = o.channel AND e.conversation_id = o.conversation_id AND e.delivered_at IS NULL
              AND e.id < o.id AND e.next_attempt_at > $now)
        ORDER BY o.id LIMIT $max
        """;

    // Covered by the partial index ix_outbox_pending: no reply JSON is read.
    public const string UndeliveredIds = """
        SELECT id FROM outbox WHERE channel = $channel AND conversation_id = $id AND delivered_at IS NULL ORDER BY id
        """;

    public static void BindConversation(SqliteParameterCollection parameters, ConversationKey conversation)
    {
        parameters.AddWithValue("$channel", conversation.Channel);
        parameters.AddWithValue("$id", conversation.Id);
    }

    public static StoredConversation? ReadConversation(SqliteDataReader reader, ConversationKey conversation) =>
        reader.Read()
            ? new StoredConversation(
                conversation, reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2))
            : null;

    public static IReadOnlyList<TranscriptLine> ReadTranscript(SqliteDataReader reader)
    {
        var lines = new List<TranscriptLine>();
        while (reader.Read())
        {
            lines.Add(new TranscriptLine(
                ToDirection(reader.GetString(1)), reader.GetString(2), FromMilliseconds(reader.GetInt64(4)))
            {
                Seq = reader.GetInt64(0),
                AttachmentNames = StorageJson.DeserializeNames(reader.IsDBNull(3) ? null : reader.GetString(3)),
            });
        }

        return lines;
    }

    public static IReadOnlyList<Ticket> ReadTickets(SqliteDataReader reader)
    {
        var tickets = new List<Ticket>();
        while (reader.Read())
        {
            tickets.Add(SqliteTicketReader.Read(reader));
        }

        return tickets;
    }

    public static IReadOnlyList<OutboxMessage> ReadOutbox(SqliteDataReader reader, string channel)
    {
        var messages = new List<OutboxMessage>();
        while (reader.Read())
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0),
                new ConversationKey(channel, reader.GetString(1)),
                StorageJson.DeserializeReply(reader.GetString(2)),
                FromMilliseconds(reader.GetInt64(3)))
            {
                Attempts = reader.GetInt32(4),
            });
        }

        return messages;
    }
}
