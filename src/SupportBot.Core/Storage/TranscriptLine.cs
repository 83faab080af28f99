namespace SupportBot.Core.Storage;

/// <summary>One line of a conversation's (redacted) record.</summary>
/// <param name="Direction">Who wrote it.</param>
/// <param name="Text">The redacted text.</param>
/// <param name="At">When.</param>
public sealed record TranscriptLine(TranscriptDirection Direction, string Text, DateTimeOffset At)
{
    /// <summary>Sequence number within the conversation, assigned by the store (0 before it is stored).</summary>
    public long Seq { get; init; }

    /// <summary>Names of files sent with the line.</summary>
    public IReadOnlyList<string> AttachmentNames { get; init; } = [];
}
