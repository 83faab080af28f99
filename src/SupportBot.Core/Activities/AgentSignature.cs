namespace SupportBot.Core.Activities;

/// <summary>The agent a live reply comes from, shown by every channel with the reply so the user can check the code
/// with the bot ("verify agent").</summary>
/// <param name="Name">The agent's display name.</param>
/// <param name="Code">The agent's public code.</param>
public sealed record AgentSignature(string Name, string Code);
