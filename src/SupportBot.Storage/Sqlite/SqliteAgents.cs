using Microsoft.Data.Sqlite;
using SupportBot.Core.Agents;
using SupportBot.Core.Safety;
using static SupportBot.Storage.Sqlite.SqliteColumns;

namespace SupportBot.Storage.Sqlite;

/// <summary>The statements behind <see cref="IAgentStore"/>. Name and code are <c>COLLATE NOCASE</c> columns with
/// unique indexes, so lookups are case-insensitive and use the index.</summary>
internal static class SqliteAgents
{
    private const string AgentColumns = "a.id, a.name, a.role, a.code, a.active, a.created_at, a.must_change_password";

    // Each agent row comes once per link (or once with NULLs for none), ordered so one pass groups them.
    private const string WithLinks = "SELECT " + AgentColumns + """
        , l.channel, l.external_user_id FROM agents a LEFT JOIN agent_links l ON l.agent_id = a.id
        """;

    public const string ById = WithLinks + " WHERE a.id = $id ORDER BY l.channel, l.external_user_id";

    public const string ByName = WithLinks + " WHERE a.name = $name ORDER BY l.channel, l.external_user_id";

    public const string ByLink = WithLinks + """
         WHERE a.id = (SELECT agent_id FROM agent_links WHERE channel = $channel AND external_user_id = $user)
        ORDER BY l.channel, l.external_user_id
        """;

    public const string BySession = WithLinks + """
         WHERE a.id = (SELECT agent_id FROM agent_sessions WHERE token_hash = $hash) AND a.active = 1
        ORDER BY l.channel, l.external_user_id
        """;

    public const string All = WithLinks + " ORDER BY a.name, a.id, l.channel, l.external_user_id";

    public const string Identity = "SELECT code, name, active FROM agents WHERE code = $code";

    public const string PasswordHash = "SELECT password_hash FROM agents WHERE id = $id";

    private const string Insert = """
        INSERT INTO agents (name, role, code, password_hash, active, created_at, must_change_password)
        VALUES ($name, $role, $code, $hash, 1, $at, $must)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string UpdateHash = "UPDATE agents SET password_hash = $hash WHERE id = $id";

    private const string UpdatePassword =
        "UPDATE agents SET password_hash = $hash, must_change_password = $must WHERE id = $id";

    private const string UpdateActive = "UPDATE agents SET active = $active WHERE id = $id";

    private const string InsertSession =
        "INSERT OR REPLACE INTO agent_sessions (token_hash, agent_id, created_at) VALUES ($hash, $id, $at)";

    private const string DeleteSession = "DELETE FROM agent_sessions WHERE token_hash = $hash";

    private const string DeleteSessions = "DELETE FROM agent_sessions WHERE agent_id = $id";

    // Sessions last at most AgentConsole:SessionHours (up to 30 days) after their last use; a row older than this was
    // long abandoned by its cookie.
    private const string DeleteOldSessions = "DELETE FROM agent_sessions WHERE agent_id = $id AND created_at < $before";

    private static readonly TimeSpan SessionRowLifetime = TimeSpan.FromDays(62);

    private const string Exists = "SELECT 1 FROM agents WHERE id = $id";

    private const string UpsertLink = """
        INSERT INTO agent_links (channel, external_user_id, agent_id) VALUES ($channel, $user, $id)
        ON CONFLICT (channel, external_user_id) DO UPDATE SET agent_id = excluded.agent_id
        """;

    /// <summary>Inserts the account and returns its id; throws <see cref="DuplicateAgentException"/> when the name or
    /// code is taken.</summary>
    public static long Create(SqliteSession session, NewAgent agent)
    {
        var insert = session.Command(Insert);
        insert.Parameters.AddWithValue("$name", agent.Name);
        insert.Parameters.AddWithValue("$role", AgentValidation.ToText(agent.Role));
        insert.Parameters.AddWithValue("$code", agent.Code);
        insert.Parameters.AddWithValue("$hash", agent.PasswordHash);
        insert.Parameters.AddWithValue("$at", ToMilliseconds(agent.CreatedAt));
        insert.Parameters.AddWithValue("$must", agent.MustChangePassword ? 1 : 0);
        return insert.ExecuteScalar() is long id ? id : throw new DuplicateAgentException(agent.Name);
    }

    public static long SetPasswordHash(SqliteSession session, long id, string hash)
    {
        var update = session.Command(UpdateHash);
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$hash", hash);
        return update.ExecuteNonQuery() + EndSessions(session, id);
    }

    public static long SetPassword(SqliteSession session, long id, string hash, bool mustChange)
    {
        var update = session.Command(UpdatePassword);
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$hash", hash);
        update.Parameters.AddWithValue("$must", mustChange ? 1 : 0);
        return update.ExecuteNonQuery() + EndSessions(session, id);
    }

    public static long SetActive(SqliteSession session, long id, bool active)
    {
        var update = session.Command(UpdateActive);
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$active", active ? 1 : 0);
        var changed = update.ExecuteNonQuery();
        return active ? changed : changed + EndSessions(session, id);
    }

    public static long CreateSession(SqliteSession session, long id, string tokenHash, DateTimeOffset at)
    {
        var old = session.Command(DeleteOldSessions);
        old.Parameters.AddWithValue("$id", id);
        old.Parameters.AddWithValue("$before", ToMilliseconds(at - SessionRowLifetime));
        old.ExecuteNonQuery();
        var insert = session.Command(InsertSession);
        insert.Parameters.AddWithValue("$hash", tokenHash);
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$at", ToMilliseconds(at));
        return insert.ExecuteNonQuery();
    }

    public static long EndSession(SqliteSession session, string tokenHash)
    {
        var delete = session.Command(DeleteSession);
        delete.Parameters.AddWithValue("$hash", tokenHash);
        return delete.ExecuteNonQuery();
    }

    public static long EndSessions(SqliteSession session, long id)
    {
        var delete = session.Command(DeleteSessions);
        delete.Parameters.AddWithValue("$id", id);
        return delete.ExecuteNonQuery();
    }

    /// <summary>Links the agent; throws <see cref="InvalidOperationException"/> for an unknown agent.</summary>
    public static long Link(SqliteSession session, long id, AgentLink link)
    {
        var exists = session.Command(Exists);
        exists.Parameters.AddWithValue("$id", id);
        if (exists.ExecuteScalar() is null)
        {
            throw new InvalidOperationException($"There is no agent with id {id}.");
        }

        var upsert = session.Command(UpsertLink);
        upsert.Parameters.AddWithValue("$channel", link.Channel);
        upsert.Parameters.AddWithValue("$user", link.ExternalUserId);
        upsert.Parameters.AddWithValue("$id", id);
        return upsert.ExecuteNonQuery();
    }

    public static AgentIdentity? ReadIdentity(SqliteDataReader reader) =>
        reader.Read() ? new AgentIdentity(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0) : null;

    public static Agent? ReadOne(SqliteDataReader reader) => ReadAll(reader) is [var agent, ..] ? agent : null;

    public static IReadOnlyList<Agent> ReadAll(SqliteDataReader reader)
    {
        var agents = new List<Agent>();
        Agent? current = null;
        List<AgentLink> links = [];
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (current is null || current.Id != id)
            {
                if (current is not null)
                {
                    agents.Add(current with { Links = links });
                }

                links = [];
                current = new Agent
                {
                    Id = id,
                    Name = reader.GetString(1),
                    Role = AgentValidation.ToRole(reader.GetString(2)),
                    Code = reader.GetString(3),
                    Active = reader.GetInt64(4) != 0,
                    CreatedAt = FromMilliseconds(reader.GetInt64(5)),
                    MustChangePassword = reader.GetInt64(6) != 0,
                };
            }

            if (!reader.IsDBNull(7))
            {
                links.Add(new AgentLink(reader.GetString(7), reader.GetString(8)));
            }
        }

        if (current is not null)
        {
            agents.Add(current with { Links = links });
        }

        return agents;
    }
}
