namespace SupportBot.Storage.Sqlite;

/// <summary>The statements behind the console's search. A ticket number is a primary-key look-up and a user's own
/// tickets use <c>ix_tickets_user</c>. Text inside the details (UID, TXID, address, email, phone) and the
/// conversations is a scan of the tickets and, per ticket, a range of its conversation's transcript (by its primary
/// key): bounded by the tickets and their conversations, never the bot-only conversations. (A full-text index would
/// cost every turn a write; not worth it at a helpdesk's ticket counts.)</summary>
internal static class SqliteTicketSearch
{
    public const string Search = "SELECT " + SqliteTicketReader.Columns + """
         FROM tickets t
        WHERE t.number = $number
           OR instr(lower(t.user_id), lower($text)) > 0
           OR instr(lower(t.user_name), lower($text)) > 0
           OR instr(lower(t.details), lower($text)) > 0
           OR EXISTS (
                SELECT 1 FROM transcript r
                WHERE r.channel = t.channel AND r.conversation_id = t.conversation_id
                  AND r.seq >= t.transcript_from_seq AND instr(lower(r.text), lower($text)) > 0)
        ORDER BY t.created_at DESC, t.number DESC
        LIMIT $limit
        """;

    public const string Related = "SELECT " + SqliteTicketReader.Columns + """
         FROM tickets
        WHERE (channel = $channel AND user_id = $user)
           OR ($uid IS NOT NULL AND number IN (
                SELECT t.number FROM tickets t, json_each(t.details) d
                WHERE json_extract(d.value, '$.k') = 'uid' AND json_extract(d.value, '$.v') = $uid))
        ORDER BY created_at DESC, number DESC
        LIMIT $limit
        """;
}
