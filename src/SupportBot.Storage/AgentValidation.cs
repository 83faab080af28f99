using SupportBot.Core.Agents;

namespace SupportBot.Storage;

/// <summary>Argument checks for agent accounts, the same in every store.</summary>
internal static class AgentValidation
{
    public static void Validate(NewAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Name, nameof(agent));
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Code, nameof(agent));
        ArgumentException.ThrowIfNullOrEmpty(agent.PasswordHash, nameof(agent));
    }

    public static void Validate(AgentLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrWhiteSpace(link.Channel, nameof(link));
        ArgumentException.ThrowIfNullOrWhiteSpace(link.ExternalUserId, nameof(link));
    }

    public static string ToText(AgentRole role) => role switch
    {
        AgentRole.Agent => "agent",
        AgentRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown agent role."),
    };

    public static AgentRole ToRole(string text) => text switch
    {
        "agent" => AgentRole.Agent,
        "admin" => AgentRole.Admin,
        _ => throw new InvalidOperationException($"Unknown agent role '{text}' in the database."),
    };
}
