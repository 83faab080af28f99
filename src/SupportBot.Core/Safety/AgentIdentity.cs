namespace SupportBot.Core.Safety;

/// <summary>What a user may learn about an agent: the display name, the code, and whether the account is active.</summary>
public sealed record AgentIdentity(string Code, string DisplayName, bool Active);
