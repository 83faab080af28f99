namespace SupportBot.Core.Catalog;

/// <summary>One detail (slot) a problem's flow gathers.</summary>
public sealed record DetailDefinition
{
    /// <summary>The detail's id within its problem, e.g. <c>uid</c>, <c>txid</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The recognizer kind: one of <see cref="Recognizers.SlotKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Whether the flow insists on it; optional details can be skipped.</summary>
    public bool Required { get; init; } = true;

    /// <summary>The short label used in summaries ("UID", "交易哈希").</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>The question; when null the kind's default prompt (text key <c>prompt.KIND</c>) is used.</summary>
    public LocalizedText? Prompt { get; init; }

    /// <summary>A regular expression a value must match in full (UID, order id); null for the kind's default.</summary>
    public string? Pattern { get; init; }

    /// <summary>For screenshots: the most files accepted; null for the recognizer's default.</summary>
    public int? MaxCount { get; init; }

    /// <summary>For screenshots: the largest file accepted in bytes; null for the recognizer's default.</summary>
    public long? MaxBytes { get; init; }
}
