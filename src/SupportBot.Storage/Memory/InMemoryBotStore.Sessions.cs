using SupportBot.Core.Agents;

namespace SupportBot.Storage.Memory;

/// <summary>The console's server-side sessions (see <see cref="IAgentSessionStore"/>).</summary>
public sealed partial class InMemoryBotStore : IAgentSessionStore
{
    /// <inheritdoc />
    public Task CreateSessionAsync(long agentId, string tokenHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        _agents.CreateSession(agentId, tokenHash);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Agent?> FindAgentBySessionAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return Task.FromResult(_agents.FindBySession(tokenHash));
    }

    /// <inheritdoc />
    public Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        _agents.EndSession(tokenHash);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetPasswordAsync(long agentId, string passwordHash, bool mustChange, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        _agents.SetPassword(agentId, passwordHash, mustChange);
        return Task.CompletedTask;
    }
}
