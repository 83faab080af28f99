namespace SupportBot.Host.AgentConsole.Report;

/// <summary>The support lead's report over a period: what the bot solved, where users gave up, what it did not
/// understand, the secrets it caught, and how fast and well agents answered.</summary>
public sealed record BotReport(
    string Since,
    string Until,
    string TimeZone,
    IReadOnlyList<ReportDayCount> ConversationsByDay,
    IReadOnlyList<ReportOutcome> OutcomesByProblem,
    IReadOnlyList<ReportDropOff> DropOffs,
    IReadOnlyList<ReportUnrecognized> Unrecognized,
    IReadOnlyList<ReportCount> SecretsCaught,
    IReadOnlyList<ReportTimes> TimesByPriority,
    IReadOnlyList<ReportCsat> CsatByAgent,
    IReadOnlyList<ReportCsat> CsatByProblem,
    bool Truncated);

/// <summary>Conversations that started on a day (in the console's time zone) in a channel.</summary>
public sealed record ReportDayCount(string Day, string Channel, int Count);

/// <summary>How a problem's conversations ended: solved by self-help (the user said so), handed to a ticket, or
/// abandoned (no answer for longer than <c>Bot:IdleTimeout</c>).</summary>
public sealed record ReportOutcome(string Problem, string Title, int SelfHelp, int Ticket, int Abandoned)
{
    public int Total => SelfHelp + Ticket + Abandoned;
}

/// <summary>How many abandoned conversations of a problem stopped at a step (<c>selfHelp</c>, a detail id, <c>confirm</c>).</summary>
public sealed record ReportDropOff(string Problem, string Step, string StepTitle, int Count);

/// <summary>A message the bot did not understand (as stored, redacted), how often, and one conversation with it.</summary>
public sealed record ReportUnrecognized(string Text, int Count, string Channel, string ConversationId);

/// <summary>A count by name.</summary>
public sealed record ReportCount(string Name, int Count);

/// <summary>First-response and resolution minutes per priority (50th and 90th percentiles).</summary>
public sealed record ReportTimes(string Priority, int Tickets, double? FirstResponseP50, double? FirstResponseP90, double? ResolutionP50, double? ResolutionP90);

/// <summary>Average rating and how many ratings.</summary>
public sealed record ReportCsat(string Name, double Average, int Ratings);
