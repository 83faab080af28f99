namespace SupportBot.Core.Safety;

/// <summary>Looks up the public code an agent shows users, for the "is this really support?" check.</summary>
public interface IAgentDirectory
{
    /// <summary>The agent whose code is <paramref name="code"/> (compared case-insensitively), or null.</summary>
    Task<AgentIdentity?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);
}
