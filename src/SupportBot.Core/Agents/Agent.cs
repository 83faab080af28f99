namespace SupportBot.Core.Agents;

/// <summary>A support agent's account. The password hash is not part of it: only sign-in reads that.</summary>
public sealed record Agent
{
    /// <summary>Store-assigned id.</summary>
    public required long Id { get; init; }

    /// <summary>The sign-in and display name, unique (case-insensitive).</summary>
    public required string Name { get; init; }

    /// <summary>What the agent may do.</summary>
    public required AgentRole Role { get; init; }

    /// <summary>The public code users can check with the bot ("is this really support?"), e.g. <c>SB-7K3M9Q</c>.</summary>
    public required string Code { get; init; }

    /// <summary>A deactivated agent cannot sign in, and the bot tells users who check the code that it is no longer valid.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The password is a one-time password (printed by <c>agent add</c> or a reset): the console lets the
    /// agent do nothing but choose a new one.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>When the account was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The agent's accounts in chat channels (a Telegram or Discord user id), so they may act from there.</summary>
    public IReadOnlyList<AgentLink> Links { get; init; } = [];
}

/// <summary>An agent's user id in a chat channel.</summary>
/// <param name="Channel">The channel name, e.g. <c>telegram</c>.</param>
/// <param name="ExternalUserId">The channel's user id.</param>
public sealed record AgentLink(string Channel, string ExternalUserId);
