namespace SupportBot.Core.Catalog;

/// <summary>One problem of the catalog and its flow, as a support lead wrote it in <c>dialogs/problems/</c>.</summary>
public sealed record ProblemDefinition
{
    /// <summary>Stable id, used as the ticket category (e.g. <c>deposit</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Position in the menu.</summary>
    public int Order { get; init; }

    /// <summary>The ticket priority this problem gets.</summary>
    public TicketPriority Priority { get; init; } = TicketPriority.Normal;

    /// <summary>The menu title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Words and phrases that identify the problem in free text, per locale (matched case-insensitively
    /// as substrings; a longer matched phrase weighs more).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; }

    /// <summary>Self-help shown before gathering details; null to go straight to the details.</summary>
    public LocalizedText? SelfHelp { get; init; }

    /// <summary>The details to gather, in order.</summary>
    public required IReadOnlyList<DetailDefinition> Details { get; init; }

    /// <summary>The file it came from, for error messages.</summary>
    public string SourceFile { get; init; } = "";
}
