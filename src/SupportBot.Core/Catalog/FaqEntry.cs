namespace SupportBot.Core.Catalog;

/// <summary>A short answer to a side question asked in the middle of a flow ("how long do deposits take?").</summary>
public sealed record FaqEntry
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Phrases per locale that identify the question.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; }

    /// <summary>The answer.</summary>
    public required LocalizedText Answer { get; init; }
}
