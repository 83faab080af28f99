namespace SupportBot.Core.Agents;

/// <summary>What an agent account may do.</summary>
public enum AgentRole
{
    /// <summary>Works the queue: claims, replies, notes, changes status.</summary>
    Agent,

    /// <summary>Also manages agents and sees the dashboard.</summary>
    Admin,
}
