using SupportBot.Core.Storage;

namespace SupportBot.Storage.Memory;

/// <summary>One conversation's rows in the in-memory store. Every field is guarded by <see cref="Gate"/>; a
/// conversation with <see cref="Version"/> 0 has never committed a turn and does not exist for readers.</summary>
internal sealed class MemoryConversation
{
    public Lock Gate { get; } = new();

    public long Version { get; set; }

    public string UserId { get; set; } = "";

    public byte[] State { get; set; } = [];

    public List<TranscriptLine> Transcript { get; } = [];

    public HashSet<string> ProcessedMessageIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The last transcript seq covered by the conversation's latest ticket (0 before the first).</summary>
    public long LastTicketToSeq { get; set; }
}
