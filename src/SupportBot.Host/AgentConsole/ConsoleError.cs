namespace SupportBot.Host.AgentConsole;

/// <summary>What the console's JSON endpoints answer when they refuse: one clear sentence.</summary>
/// <param name="Error">The message, in English.</param>
public sealed record ConsoleError(string Error)
{
    /// <summary>For a claim that lost: who has the ticket.</summary>
    public string? ClaimedBy { get; init; }
}
