using SupportBot.Core.Activities;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Serialization;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The write statements. Each method runs inside a transaction (and savepoint) that
/// <see cref="SqliteWriteQueue"/> opens, so a throw from any of them undoes everything the method wrote.</summary>
internal static class SqliteTurnWriter
{
    // RETURNING gives the new last_seq without a second statement; no row back means the version check failed.
    private const string InsertConversation = """
        INSERT INTO conversations (channel, conversation_id, user_id, version, state, last_seq, updated_at)
        VALUES ($channel, $id, $user, 1, $state, $lines, $at)
        ON CONFLICT (channel, conversation_id) DO NOTHING
        RETURNING last_seq
        """;

    private const string UpdateConversation = """
        UPDATE conversations
        SET user_id = $user, version = version + 1, state = $state, last_seq = last_seq + $lines, updated_at = $at
        WHERE channel = $channel AND conversation_id = $id AND version = $expected
        RETURNING last_seq
        """;

    private const string InsertInbound = """
        INSERT OR IGNORE INTO inbound_messages (channel, conversation_id, message_id) VALUES ($channel, $id, $message)
        """;

    private const string InsertLine = """
        INSERT INTO transcript (channel, conversation_id, seq, direction, text, attachments, at)
        VALUES ($channel, $id, $seq, $direction, $text, $attachments, $at)
        """;

    internal const string PreviousTicketEnd = """
        SELECT MAX(transcript_to_seq) FROM tickets WHERE channel = $channel AND conversation_id = $id
        """;

    private const string InsertTicket = """
        INSERT INTO tickets (number, channel, conversation_id, user_id, user_name, category, priority, status,
            secret_exposed, locale, details, transcript_from_seq, transcript_to_seq, created_at, updated_at, version)
        VALUES ($number, $channel, $id, $user, $name, $category, $priority, $status,
            $secret, $locale, $details, $from, $to, $at, $at, 1)
        """;

    private const string MarkTicket = """
        UPDATE tickets SET priority = $urgent, secret_exposed = 1, version = version + 1, updated_at = $at
        WHERE number = $number
        """;

    private const string InsertOutbox = """
        INSERT INTO outbox (channel, conversation_id, reply, created_at, attempts, next_attempt_at)
        VALUES ($channel, $id, $reply, $at, 0, $at)
        """;

    private const string TakeTicketNumber = "UPDATE ticket_numbers SET next = next + 1 WHERE id = 1 RETURNING next - 1";

    private const string Undeliverable = """
        UPDATE outbox SET delivered_at = $at, last_error = $error WHERE id = $id AND delivered_at IS NULL
        RETURNING channel, conversation_id
        """;

    private const string Delivered = "UPDATE outbox SET delivered_at = $at WHERE id = $id AND delivered_at IS NULL";

    private const string Failed = """
        UPDATE outbox SET attempts = attempts + 1, last_error = $error, next_attempt_at = $retry
        WHERE id = $id AND delivered_at IS NULL
        """;

    public static long Commit(SqliteSession session, TurnCommit commit)
    {
        var key = commit.Conversation;
        var at = ToMilliseconds(commit.At);
        var lines = commit.Transcript.Count;

        var upsert = session.Command(commit.ExpectedVersion == 0 ? InsertConversation : UpdateConversation);
        upsert.Parameters.AddWithValue("$channel", key.Channel);
        upsert.Parameters.AddWithValue("$id", key.Id);
        upsert.Parameters.AddWithValue("$user", commit.UserId);
        upsert.Parameters.AddWithValue("$state", commit.State);
        upsert.Parameters.AddWithValue("$lines", lines);
        upsert.Parameters.AddWithValue("$at", at);
        if (commit.ExpectedVersion != 0)
        {
            upsert.Parameters.AddWithValue("$expected", commit.ExpectedVersion);
        }

        if (upsert.ExecuteScalar() is not long lastSeq)
        {
            throw new ConcurrencyConflictException(key, commit.ExpectedVersion);
        }

        if (commit.InboundMessageId is { } messageId)
        {
            var inbound = session.Command(InsertInbound);
            inbound.Parameters.AddWithValue("$channel", key.Channel);
            inbound.Parameters.AddWithValue("$id", key.Id);
            inbound.Parameters.AddWithValue("$message", messageId);

            // The same message committed twice means another turn already answered it: a conflict, so the router
            // reloads, sees the message as processed and drops it instead of replying twice.
            if (inbound.ExecuteNonQuery() == 0)
            {
                throw new ConcurrencyConflictException(key, commit.ExpectedVersion);
            }
        }

        AppendLines(session, key, lastSeq - lines + 1, commit.Transcript);

        if (commit.NewTicket is { } ticket)
        {
            WriteTicket(session, ticket, lastSeq);
        }

        for (var i = 0; i < commit.MarkSecretExposed.Count; i++)
        {
            var mark = session.Command(MarkTicket);
            mark.Parameters.AddWithValue("$urgent", (int)Core.Catalog.TicketPriority.Urgent);
            mark.Parameters.AddWithValue("$at", at);
            mark.Parameters.AddWithValue("$number", commit.MarkSecretExposed[i]);
            mark.ExecuteNonQuery();
        }

        // A stale version throws TicketConflictException, which rolls the whole turn back.
        for (var i = 0; i < commit.TicketChanges.Count; i++)
        {
            SqliteTicketWriter.Apply(session, commit.TicketChanges[i]);
        }

        for (var i = 0; i < commit.Outbox.Count; i++)
        {
            Enqueue(session, key, commit.Outbox[i], at);
        }

        return commit.ExpectedVersion + 1;
    }

    public static void AppendLines(
        SqliteSession session, ConversationKey key, long firstSeq, IReadOnlyList<TranscriptLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var insert = session.Command(InsertLine);
            insert.Parameters.AddWithValue("$channel", key.Channel);
            insert.Parameters.AddWithValue("$id", key.Id);
            insert.Parameters.AddWithValue("$seq", firstSeq + i);
            insert.Parameters.AddWithValue("$direction", ToText(line.Direction));
            insert.Parameters.AddWithValue("$text", line.Text);
            var attachments = StorageJson.SerializeNames(line.AttachmentNames);
            insert.Parameters.AddWithValue("$attachments", (object?)attachments ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", ToMilliseconds(line.At));
            insert.ExecuteNonQuery();
        }
    }

    public static void Enqueue(SqliteSession session, ConversationKey key, BotReply reply, long atMilliseconds)
    {
        var enqueue = session.Command(InsertOutbox);
        enqueue.Parameters.AddWithValue("$channel", key.Channel);
        enqueue.Parameters.AddWithValue("$id", key.Id);
        enqueue.Parameters.AddWithValue("$reply", StorageJson.SerializeReply(reply));
        enqueue.Parameters.AddWithValue("$at", atMilliseconds);
        enqueue.ExecuteNonQuery();
    }

    public static long NextTicketNumber(SqliteSession session) =>
        (long)session.Command(TakeTicketNumber).ExecuteScalar()!;

    public static long MarkDelivered(SqliteSession session, long id, DateTimeOffset at)
    {
        var command = session.Command(Delivered);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", ToMilliseconds(at));
        return command.ExecuteNonQuery();
    }

    public static long MarkUndeliverable(SqliteSession session, long id, string reason, DateTimeOffset at)
    {
        var command = session.Command(Undeliverable);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$error", reason);
        command.Parameters.AddWithValue("$at", ToMilliseconds(at));
        ConversationKey? key = null;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                key = new ConversationKey(reader.GetString(0), reader.GetString(1));
            }
        }

        if (key is null)
        {
            return 0;
        }

        SqliteTicketWriter.MarkUnreachable(session, key, reason, at);
        return 1;
    }

    public static long MarkFailed(SqliteSession session, long id, string failure, DateTimeOffset retryAt)
    {
        var command = session.Command(Failed);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$error", failure);
        command.Parameters.AddWithValue("$retry", ToMilliseconds(retryAt));
        return command.ExecuteNonQuery();
    }

    private static void WriteTicket(SqliteSession session, NewTicket ticket, long lastSeq)
    {
        var key = ticket.Conversation;
        var previous = session.Command(PreviousTicketEnd);
        previous.Parameters.AddWithValue("$channel", key.Channel);
        previous.Parameters.AddWithValue("$id", key.Id);
        var fromSeq = previous.ExecuteScalar() is long previousEnd ? previousEnd + 1 : 1;

        var insert = session.Command(InsertTicket);
        insert.Parameters.AddWithValue("$number", ticket.Number);
        insert.Parameters.AddWithValue("$channel", key.Channel);
        insert.Parameters.AddWithValue("$id", key.Id);
        insert.Parameters.AddWithValue("$user", ticket.UserId);
        insert.Parameters.AddWithValue("$name", (object?)ticket.UserName ?? DBNull.Value);
        insert.Parameters.AddWithValue("$category", ticket.Category);
        insert.Parameters.AddWithValue("$priority", (int)ticket.Priority);
        insert.Parameters.AddWithValue("$status", ToText(TicketStatus.New));
        insert.Parameters.AddWithValue("$secret", ticket.SecretExposed ? 1 : 0);
        insert.Parameters.AddWithValue("$locale", ticket.Locale);
        insert.Parameters.AddWithValue("$details", StorageJson.SerializeDetails(ticket.Details));
        insert.Parameters.AddWithValue("$from", fromSeq);
        insert.Parameters.AddWithValue("$to", lastSeq);
        insert.Parameters.AddWithValue("$at", ToMilliseconds(ticket.CreatedAt));
        insert.ExecuteNonQuery();
        SqliteTicketWriter.AddHistory(
            session, ticket.Number, new TicketHistoryEntry(ticket.CreatedAt, "user", "created", null));
    }
}
