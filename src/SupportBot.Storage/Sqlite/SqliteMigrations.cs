using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>The schema, as an ordered list of migrations. Migration <c>n</c> (1-based) brings the database to
/// version <c>n</c>; <c>schema_version</c> records which have run, so applying them again is harmless. Never edit a
/// released migration: append a new one.</summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        """
        CREATE TABLE IF NOT EXISTS conversations (
            channel         TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            user_id         TEXT    NOT NULL,
            version         INTEGER NOT NULL,
            state           BLOB    NOT NULL,
            last_seq        INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            PRIMARY KEY (channel, conversation_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS inbound_messages (
            channel         TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            message_id      TEXT NOT NULL,
            PRIMARY KEY (channel, conversation_id, message_id),
            FOREIGN KEY (channel, conversation_id) REFERENCES conversations (channel, conversation_id)
                ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS transcript (
            channel         TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            seq             INTEGER NOT NULL,
            direction       TEXT    NOT NULL,
            text            TEXT    NOT NULL,
            attachments     TEXT,
            at              INTEGER NOT NULL,
            PRIMARY KEY (channel, conversation_id, seq),
            FOREIGN KEY (channel, conversation_id) REFERENCES conversations (channel, conversation_id)
                ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS tickets (
            number              INTEGER PRIMARY KEY,
            channel             TEXT    NOT NULL,
            conversation_id     TEXT    NOT NULL,
            user_id             TEXT    NOT NULL,
            category            TEXT    NOT NULL,
            priority            INTEGER NOT NULL,
            status              TEXT    NOT NULL,
            secret_exposed      INTEGER NOT NULL,
            locale              TEXT    NOT NULL,
            details             TEXT    NOT NULL,
            transcript_from_seq INTEGER NOT NULL,
            transcript_to_seq   INTEGER NOT NULL,
            created_at          INTEGER NOT NULL,
            updated_at          INTEGER NOT NULL,
            version             INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_tickets_user ON tickets (channel, user_id, created_at DESC, number DESC);
        CREATE INDEX IF NOT EXISTS ix_tickets_conversation ON tickets (channel, conversation_id, transcript_to_seq);

        CREATE TABLE IF NOT EXISTS ticket_numbers (
            id   INTEGER PRIMARY KEY CHECK (id = 1),
            next INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO ticket_numbers (id, next) VALUES (1, 100001);

        CREATE TABLE IF NOT EXISTS outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            channel         TEXT    NOT NULL,
            conversation_id TEXT    NOT NULL,
            reply           TEXT    NOT NULL,
            created_at      INTEGER NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at    INTEGER,
            last_error      TEXT,
            FOREIGN KEY (channel, conversation_id) REFERENCES conversations (channel, conversation_id)
                ON DELETE CASCADE
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_pending
            ON outbox (channel, conversation_id, id) WHERE delivered_at IS NULL;

        CREATE TABLE IF NOT EXISTS agents (
            code         TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
            display_name TEXT    NOT NULL,
            active       INTEGER NOT NULL
        );
        """,

        // 2: the ticket desk (assignee, life-cycle times, rating, notes, history), agent accounts with their channel
        // links (replacing the placeholder agents table; its rows keep their code, name and state, with no password),
        // and the channels' cursors and ticket links.
        """
        ALTER TABLE tickets ADD COLUMN assignee_id INTEGER;
        ALTER TABLE tickets ADD COLUMN assignee_name TEXT;
        ALTER TABLE tickets ADD COLUMN unreachable INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tickets ADD COLUMN rating INTEGER;
        ALTER TABLE tickets ADD COLUMN rating_comment TEXT;
        ALTER TABLE tickets ADD COLUMN rated_at INTEGER;
        ALTER TABLE tickets ADD COLUMN first_response_at INTEGER;
        ALTER TABLE tickets ADD COLUMN resolved_at INTEGER;
        ALTER TABLE tickets ADD COLUMN closed_at INTEGER;
        ALTER TABLE tickets ADD COLUMN last_user_message_at INTEGER;
        ALTER TABLE tickets ADD COLUMN attachments TEXT;
        CREATE INDEX IF NOT EXISTS ix_tickets_queue ON tickets (status, priority, created_at, number);
        CREATE INDEX IF NOT EXISTS ix_tickets_assignee ON tickets (assignee_id, status);
        CREATE INDEX IF NOT EXISTS ix_tickets_resolved ON tickets (resolved_at) WHERE status = 'resolved';
        CREATE INDEX IF NOT EXISTS ix_tickets_created ON tickets (created_at);
        CREATE INDEX IF NOT EXISTS ix_tickets_rated ON tickets (rated_at) WHERE rating IS NOT NULL;

        CREATE TABLE IF NOT EXISTS ticket_notes (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket     INTEGER NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
            agent_id   INTEGER NOT NULL,
            agent_name TEXT    NOT NULL,
            text       TEXT    NOT NULL,
            at         INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_ticket_notes_ticket ON ticket_notes (ticket, id);

        CREATE TABLE IF NOT EXISTS ticket_history (
            id     INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket INTEGER NOT NULL REFERENCES tickets (number) ON DELETE CASCADE,
            at     INTEGER NOT NULL,
            actor  TEXT    NOT NULL,
            action TEXT    NOT NULL,
            detail TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_ticket_history_ticket ON ticket_history (ticket, id);

        ALTER TABLE agents RENAME TO agents_v1;
        CREATE TABLE agents (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
            role          TEXT    NOT NULL,
            code          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT    NOT NULL,
            active        INTEGER NOT NULL,
            created_at    INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO agents (name, role, code, password_hash, active, created_at)
            SELECT display_name, 'agent', code, '', active, CAST(strftime('%s', 'now') AS INTEGER) * 1000
            FROM agents_v1 ORDER BY code;
        DROP TABLE agents_v1;

        CREATE TABLE IF NOT EXISTS agent_links (
            channel          TEXT    NOT NULL,
            external_user_id TEXT    NOT NULL,
            agent_id         INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
            PRIMARY KEY (channel, external_user_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_agent_links_agent ON agent_links (agent_id);

        CREATE TABLE IF NOT EXISTS channel_cursors (
            name  TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ticket_links (
            channel     TEXT    NOT NULL,
            ticket      INTEGER NOT NULL,
            external_id TEXT    NOT NULL,
            PRIMARY KEY (channel, ticket)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_ticket_links_external ON ticket_links (channel, external_id);
        """,

        // The agent console asks every second, while it is open, for tickets changed by other processes (a `chat`
        // beside the host): without this each ask scanned the whole table.
        """
        CREATE INDEX IF NOT EXISTS ix_tickets_updated ON tickets (updated_at);
        """,

        // 4: a turn must cost the same with a million tickets as with a thousand. Counters per (status, priority),
        // kept by triggers in the writing transaction, answer the queue place of a new ticket, the open counts and
        // the queue's totals without counting rows; the queue order index serves a page of all tickets without a
        // sort; the first-response index serves the wait estimate's window without reading other tickets. The one
        // count here runs once, when an existing database is upgraded.
        """
        CREATE TABLE IF NOT EXISTS ticket_counts (
            status   TEXT    NOT NULL,
            priority INTEGER NOT NULL,
            count    INTEGER NOT NULL,
            PRIMARY KEY (status, priority)
        ) WITHOUT ROWID;
        INSERT INTO ticket_counts (status, priority, count)
            SELECT status, priority, COUNT(*) FROM tickets GROUP BY status, priority;

        CREATE TRIGGER IF NOT EXISTS tr_ticket_counts_insert AFTER INSERT ON tickets
        BEGIN
            INSERT INTO ticket_counts (status, priority, count) VALUES (NEW.status, NEW.priority, 1)
            ON CONFLICT (status, priority) DO UPDATE SET count = count + 1;
        END;

        CREATE TRIGGER IF NOT EXISTS tr_ticket_counts_update AFTER UPDATE OF status, priority ON tickets
        WHEN OLD.status IS NOT NEW.status OR OLD.priority IS NOT NEW.priority
        BEGIN
            UPDATE ticket_counts SET count = count - 1 WHERE status = OLD.status AND priority = OLD.priority;
            INSERT INTO ticket_counts (status, priority, count) VALUES (NEW.status, NEW.priority, 1)
            ON CONFLICT (status, priority) DO UPDATE SET count = count + 1;
        END;

        CREATE TRIGGER IF NOT EXISTS tr_ticket_counts_delete AFTER DELETE ON tickets
        BEGIN
            UPDATE ticket_counts SET count = count - 1 WHERE status = OLD.status AND priority = OLD.priority;
        END;

        CREATE INDEX IF NOT EXISTS ix_tickets_order ON tickets (priority, created_at, number);
        CREATE INDEX IF NOT EXISTS ix_tickets_first_response
            ON tickets (created_at, number, first_response_at) WHERE first_response_at IS NOT NULL;
        """,

        // 5: console sessions kept server-side (ended by sign-out, a password change or reset, a deactivation) and the
        // one-time password flag: an agent signed in with one may only choose a new password.
        """
        ALTER TABLE agents ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE IF NOT EXISTS agent_sessions (
            token_hash TEXT    NOT NULL PRIMARY KEY,
            agent_id   INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_agent_sessions_agent ON agent_sessions (agent_id);
        """,

        // 6: the user's profile name on the ticket (Telegram, Discord), so the queue shows a person, not an id.
        """
        ALTER TABLE tickets ADD COLUMN user_name TEXT;
        """,

        // 7: the optional AI's summary of the ticket for the agent (issue 16).
        """
        ALTER TABLE tickets ADD COLUMN summary TEXT;
        """,
    ];

    /// <summary>The schema version this code expects.</summary>
    public static int LatestVersion => All.Count;

    /// <summary>Brings the database up to <see cref="LatestVersion"/>, one transaction per migration so a crash
    /// leaves it at a whole version. Refuses a database written by newer code rather than guess at its schema.
    /// </summary>
    public static async Task ApplyAsync(
        SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var current = await CurrentVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database has schema version {current}, newer than this build knows ({LatestVersion}).");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using (var migrate = connection.CreateCommand())
            {
                migrate.Transaction = transaction;
                migrate.CommandText = All[version - 1];
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)";
                record.Parameters.AddWithValue("$version", version);
                record.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var version = await query.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture);
    }
}
