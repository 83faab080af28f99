using SupportBot.Core.Agents;

namespace SupportBot.Storage.Sqlite;

/// <summary>The console's server-side sessions (see <see cref="IAgentSessionStore"/>).</summary>
public sealed partial class SqliteBotStore : IAgentSessionStore
{
    /// <inheritdoc />
    public Task CreateSessionAsync(long agentId, string tokenHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        return _writes.SubmitAsync(session => SqliteAgents.CreateSession(session, agentId, tokenHash, at), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Agent?> FindAgentBySessionAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return _readers.ReadAsync(
            SqliteAgents.BySession,
            tokenHash,
            static (p, h) => p.AddWithValue("$hash", h),
            static (reader, _) => SqliteAgents.ReadOne(reader),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return _writes.SubmitAsync(session => SqliteAgents.EndSession(session, tokenHash), cancellationToken);
    }

    /// <inheritdoc />
    public Task SetPasswordAsync(long agentId, string passwordHash, bool mustChange, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return _writes.SubmitAsync(
            session => SqliteAgents.SetPassword(session, agentId, passwordHash, mustChange), cancellationToken);
    }
}
