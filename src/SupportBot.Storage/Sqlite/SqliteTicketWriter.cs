using SupportBot.Core.Activities;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Serialization;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The ticket desk's write statements. Like <see cref="SqliteTurnWriter"/>, each method runs inside the
/// write queue's transaction and savepoint, so a throw undoes all it wrote. The writer is the only connection that
/// writes, so reading a ticket and then updating it here cannot interleave with another change.</summary>
internal static class SqliteTicketWriter
{
    private const string SelectTicket =
        "SELECT " + SqliteTicketReader.Columns + " FROM tickets WHERE number = $number";

    private const string UpdateTicket = """
        UPDATE tickets SET priority = $priority, status = $status, secret_exposed = $secret, details = $details,
            updated_at = $updated, version = $version, assignee_id = $assignee, assignee_name = $assignee_name,
            unreachable = $unreachable, rating = $rating, rating_comment = $comment,
            rated_at = CASE WHEN $rated THEN $updated ELSE rated_at END, first_response_at = $first_response,
            resolved_at = $resolved, closed_at = $closed, last_user_message_at = $last_user, attachments = $attachments
        WHERE number = $number
        """;

    private const string InsertNote = """
        INSERT INTO ticket_notes (ticket, agent_id, agent_name, text, at) VALUES ($ticket, $agent, $name, $text, $at)
        """;

    private const string InsertHistory = """
        INSERT INTO ticket_history (ticket, at, actor, action, detail) VALUES ($ticket, $at, $actor, $action, $detail)
        """;

    private const string ReserveLines = """
        UPDATE conversations SET last_seq = last_seq + $lines WHERE channel = $channel AND conversation_id = $id
        RETURNING last_seq
        """;

    private const string OpenTicketsOfConversation = """
        SELECT number FROM tickets
        WHERE channel = $channel AND conversation_id = $id AND status IN ('new', 'assigned', 'waiting_on_user')
          AND unreachable = 0
        """;

    private const string MarkUnreachableTicket = """
        UPDATE tickets SET unreachable = 1, version = version + 1, updated_at = $at WHERE number = $number
        """;

    /// <summary>A whole desk change: the ticket, then its transcript lines and replies. Null when there is no such
    /// ticket (nothing is written).</summary>
    public static Ticket? ApplyWithMessages(SqliteSession session, TicketChange change)
    {
        var changed = Apply(session, change);
        if (changed is null)
        {
            return null;
        }

        var key = changed.Conversation;
        if (change.Transcript.Count > 0)
        {
            var reserve = session.Command(ReserveLines);
            reserve.Parameters.AddWithValue("$lines", change.Transcript.Count);
            reserve.Parameters.AddWithValue("$channel", key.Channel);
            reserve.Parameters.AddWithValue("$id", key.Id);
            if (reserve.ExecuteScalar() is not long lastSeq)
            {
                throw new InvalidOperationException($"Ticket {change.Number} has no conversation {key} to write to.");
            }

            SqliteTurnWriter.AppendLines(session, key, lastSeq - change.Transcript.Count + 1, change.Transcript);
        }

        var at = ToMilliseconds(change.At);
        foreach (var reply in change.Outbox)
        {
            SqliteTurnWriter.Enqueue(session, key, reply, at);
        }

        return changed;
    }

    /// <summary>The ticket fields, note and history of a change (no transcript, no replies); null when there is no
    /// such ticket. Throws <see cref="TicketConflictException"/> when the expected version is not current.</summary>
    public static Ticket? Apply(SqliteSession session, TicketChange change)
    {
        var current = Read(session, change.Number);
        if (current is null)
        {
            return null;
        }

        if (change.ExpectedVersion is { } expected && current.Version != expected)
        {
            throw new TicketConflictException(change.Number);
        }

        var changed = TicketChangeApplier.Apply(current, change);
        var update = session.Command(UpdateTicket);
        var p = update.Parameters;
        p.AddWithValue("$number", changed.Number);
        p.AddWithValue("$priority", (int)changed.Priority);
        p.AddWithValue("$status", ToText(changed.Status));
        p.AddWithValue("$secret", changed.SecretExposed ? 1 : 0);
        p.AddWithValue("$details", StorageJson.SerializeDetails(changed.Details));
        p.AddWithValue("$updated", ToMilliseconds(changed.UpdatedAt));
        p.AddWithValue("$version", changed.Version);
        p.AddWithValue("$assignee", (object?)changed.AssigneeId ?? DBNull.Value);
        p.AddWithValue("$assignee_name", (object?)changed.AssigneeName ?? DBNull.Value);
        p.AddWithValue("$unreachable", changed.Unreachable ? 1 : 0);
        p.AddWithValue("$rating", (object?)changed.Rating ?? DBNull.Value);
        p.AddWithValue("$comment", (object?)changed.RatingComment ?? DBNull.Value);
        p.AddWithValue("$rated", change.Rating is not null);
        p.AddWithValue("$first_response", Optional(changed.FirstResponseAt));
        p.AddWithValue("$resolved", Optional(changed.ResolvedAt));
        p.AddWithValue("$closed", Optional(changed.ClosedAt));
        p.AddWithValue("$last_user", Optional(changed.LastUserMessageAt));
        p.AddWithValue("$attachments", (object?)StorageJson.SerializeAttachments(changed.Attachments) ?? DBNull.Value);
        update.ExecuteNonQuery();

        if (change.Note is { } note)
        {
            var insert = session.Command(InsertNote);
            insert.Parameters.AddWithValue("$ticket", change.Number);
            insert.Parameters.AddWithValue("$agent", note.AgentId);
            insert.Parameters.AddWithValue("$name", note.AgentName);
            insert.Parameters.AddWithValue("$text", note.Text);
            insert.Parameters.AddWithValue("$at", ToMilliseconds(note.At));
            insert.ExecuteNonQuery();
        }

        foreach (var line in change.History)
        {
            AddHistory(session, change.Number, line);
        }

        return changed;
    }

    public static void AddHistory(SqliteSession session, long number, TicketHistoryEntry line)
    {
        var insert = session.Command(InsertHistory);
        insert.Parameters.AddWithValue("$ticket", number);
        insert.Parameters.AddWithValue("$at", ToMilliseconds(line.At));
        insert.Parameters.AddWithValue("$actor", line.Actor);
        insert.Parameters.AddWithValue("$action", line.Action);
        insert.Parameters.AddWithValue("$detail", (object?)line.Detail ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }

    /// <summary>Marks the conversation's open tickets unreachable, each with a history line.</summary>
    public static void MarkUnreachable(SqliteSession session, ConversationKey key, string reason, DateTimeOffset at)
    {
        var numbers = new List<long>();
        var select = session.Command(OpenTicketsOfConversation);
        select.Parameters.AddWithValue("$channel", key.Channel);
        select.Parameters.AddWithValue("$id", key.Id);
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                numbers.Add(reader.GetInt64(0));
            }
        }

        foreach (var number in numbers)
        {
            var mark = session.Command(MarkUnreachableTicket);
            mark.Parameters.AddWithValue("$number", number);
            mark.Parameters.AddWithValue("$at", ToMilliseconds(at));
            mark.ExecuteNonQuery();
            AddHistory(session, number, new TicketHistoryEntry(at, "system", "unreachable", reason));
        }
    }

    private static Ticket? Read(SqliteSession session, long number)
    {
        var select = session.Command(SelectTicket);
        select.Parameters.AddWithValue("$number", number);
        using var reader = select.ExecuteReader();
        return reader.Read() ? SqliteTicketReader.Read(reader) : null;
    }

    private static object Optional(DateTimeOffset? time) => time is { } t ? ToMilliseconds(t) : DBNull.Value;
}
