namespace SupportBot.Host.AgentConsole;

/// <summary>What the console's JSON endpoints answer when they refuse: one clear sentence.</summary>
/// <param name="Error">The message, in the language the page asked in (see <see cref="ConsoleTexts"/>).</param>
public sealed record ConsoleError(string Error)
{
    /// <summary>For a claim that lost: who has the ticket.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>The agent signed in with a one-time password and must choose a new one first.</summary>
    public bool PasswordChangeRequired { get; init; }
}
