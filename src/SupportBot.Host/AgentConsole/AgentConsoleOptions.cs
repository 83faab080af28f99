using System.ComponentModel.DataAnnotations;

namespace SupportBot.Host.AgentConsole;

/// <summary>Settings of the agent console and agent accounts, section <c>AgentConsole</c>:
/// <code>"AgentConsole": { "PasswordIterations": 210000, "SignInAttemptsPerMinute": 5, "SessionHours": 12 }</code></summary>
public sealed class AgentConsoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AgentConsole";

    /// <summary>The environment name in which <see cref="PasswordIterations"/> may be lower than the default (tests).</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>PBKDF2 iterations for new password hashes; at least 210,000 except in the Testing environment.</summary>
    [Range(1, int.MaxValue)]
    public int PasswordIterations { get; set; } = PasswordHasher.DefaultIterations;

    /// <summary>Sign-in attempts allowed per minute for one address and one name.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>Sign-in attempts allowed per minute from one address, whatever the names.</summary>
    [Range(1, 10000)]
    public int SignInAttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>How long a console session lasts without activity.</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;
}
