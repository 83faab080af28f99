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
