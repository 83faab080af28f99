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

    /// <summary>Failed sign-ins allowed per minute for one name (from any address).</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>Failed sign-ins allowed per minute from one address, whatever the names.</summary>
    [Range(1, 10000)]
    public int SignInAttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>How long a console session lasts without activity.</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;

    /// <summary>IANA zone every time in the console is shown in (and labelled with); empty means <c>Bot:TimeZone</c>.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Addresses (or CIDR networks) of reverse proxies whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed: behind a TLS-terminating proxy the session cookie is then marked
    /// <c>Secure</c>, and the sign-in throttle counts the client's address rather than the proxy's.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>First-response targets per priority (the queue highlights tickets past theirs).</summary>
    public SlaOptions Sla { get; set; } = new();
}

/// <summary>How long a ticket of each priority may wait for an agent's answer, section <c>AgentConsole:Sla</c>.</summary>
public sealed class SlaOptions
{
    /// <summary>Urgent tickets (a compromised account, an exposed seed phrase).</summary>
    public TimeSpan Urgent { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>High priority.</summary>
    public TimeSpan High { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Normal priority.</summary>
    public TimeSpan Normal { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Low priority.</summary>
    public TimeSpan Low { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The target for <paramref name="priority"/>.</summary>
    public TimeSpan For(SupportBot.Core.Catalog.TicketPriority priority) => priority switch
    {
        SupportBot.Core.Catalog.TicketPriority.Urgent => Urgent,
        SupportBot.Core.Catalog.TicketPriority.High => High,
        SupportBot.Core.Catalog.TicketPriority.Low => Low,
        _ => Normal,
    };
}
