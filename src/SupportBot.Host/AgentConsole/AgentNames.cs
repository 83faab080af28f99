namespace SupportBot.Host.AgentConsole;

/// <summary>What an agent name may be: it is shown to users in their chat, so it is short and plain.</summary>
public static class AgentNames
{
    /// <summary>The rule in words.</summary>
    public const string Rule = "An agent name is 1 to 40 letters, digits, spaces, dots, dashes or underscores.";

    /// <summary>Whether <paramref name="name"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= 40
        && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_');
}
