using SupportBot.Core.Agents;

namespace SupportBot.Core.Handoff;

/// <summary>Who performs a desk action: an agent (console, Telegram topic, Discord thread) or an integration using
/// an API key. Replies to users always carry an agent, so the user can verify the code.</summary>
/// <param name="Name">For the audit history: <c>agent:alice</c>, <c>api:helpdesk</c>.</param>
/// <param name="Agent">The agent, or null for an API key acting without one.</param>
public sealed record DeskActor(string Name, Agent? Agent)
{
    /// <summary>An agent acting in person.</summary>
    public static DeskActor For(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new DeskActor("agent:" + agent.Name, agent);
    }

    /// <summary>An integration acting with an API key named <paramref name="keyName"/>, optionally on behalf of
    /// <paramref name="agent"/>.</summary>
    public static DeskActor Api(string keyName, Agent? agent = null) =>
        new(agent is null ? "api:" + keyName : "api:" + keyName + "/agent:" + agent.Name, agent);
}
