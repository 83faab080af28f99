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
        transcript_from_seq, created_at, updated_at, version, assignee_id, assignee_name, unreachable, rating,
        rating_comment, first_response_at, resolved_at, closed_at, last_user_message_at, attachments, user_name,
        summary
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
        AssigneeId = reader.IsDBNull(14) ? null : reader.GetInt64(14),
        AssigneeName = reader.IsDBNull(15) ? null : reader.GetString(15),
        Unreachable = reader.GetInt64(16) != 0,
        Rating = reader.IsDBNull(17) ? null : reader.GetInt32(17),
        RatingComment = reader.IsDBNull(18) ? null : reader.GetString(18),
        FirstResponseAt = OptionalTime(reader, 19),
        ResolvedAt = OptionalTime(reader, 20),
        ClosedAt = OptionalTime(reader, 21),
        LastUserMessageAt = OptionalTime(reader, 22),
        Attachments = StorageJson.DeserializeAttachments(reader.IsDBNull(23) ? null : reader.GetString(23)),
        UserName = reader.IsDBNull(24) ? null : reader.GetString(24),
        Summary = reader.IsDBNull(25) ? null : reader.GetString(25),
    };

    private static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMilliseconds(reader.GetInt64(ordinal));
}
