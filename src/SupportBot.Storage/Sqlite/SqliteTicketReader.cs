using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Serialization;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>Maps ticket rows selected with <see cref="Columns"/> (in that order) to <see cref="Ticket"/>.</summary>
internal static class SqliteTicketReader
{
    public const string Columns = """
        number, channel, conversation_id, user_id, category, priority, status, secret_exposed, locale, details,
        transcript_from_seq, created_at, updated_at, version
        """;

    public static Ticket Read(SqliteDataReader reader) => new()
    {
        Number = reader.GetInt64(0),
        Conversation = new ConversationKey(reader.GetString(1), reader.GetString(2)),
        UserId = reader.GetString(3),
        Category = reader.GetString(4),
        Priority = (TicketPriority)reader.GetInt32(5),
        Status = ToStatus(reader.GetString(6)),
        SecretExposed = reader.GetInt64(7) != 0,
        Locale = reader.GetString(8),
        Details = StorageJson.DeserializeDetails(reader.GetString(9)),
        TranscriptFromSeq = reader.GetInt64(10),
        CreatedAt = FromMilliseconds(reader.GetInt64(11)),
        UpdatedAt = FromMilliseconds(reader.GetInt64(12)),
        Version = reader.GetInt64(13),
    };
}
