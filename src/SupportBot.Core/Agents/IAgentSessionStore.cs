namespace SupportBot.Core.Agents;

/// <summary>Console sessions kept server-side, so signing out, a password change or reset and a deactivation end
/// them for good: a copied cookie names a session that no longer exists. Only a hash of the session token is kept
/// (a reader of the database cannot make a cookie from it). Stored beside the accounts, so the command line (another
/// process) ends sessions of the running host.</summary>
public interface IAgentSessionStore
{
    /// <summary>Records a new session of the agent.</summary>
    Task CreateSessionAsync(long agentId, string tokenHash, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The active agent whose session this is, or null when the session ended (or never existed) or the
    /// agent is deactivated.</summary>
    Task<Agent?> FindAgentBySessionAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Ends one session (sign-out).</summary>
    Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password hash, whether it is a one-time password the agent must change at the next
    /// sign-in, and ends every session of the agent, in one step.</summary>
    Task SetPasswordAsync(long agentId, string passwordHash, bool mustChange, CancellationToken cancellationToken = default);
}
