using SupportBot.Core.Activities;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Storage;

/// <summary>What the support lead's bot report is computed from: the stored (already redacted) transcript lines and
/// tickets of a period. Nothing here holds secret text: the store only ever received redacted lines.</summary>
public interface IReportStore
{
    /// <summary>Transcript lines written in [<paramref name="since"/>, <paramref name="until"/>), by conversation then
    /// sequence, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ReportLine>> GetTranscriptLinesAsync(
        DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken = default);

    /// <summary>Tickets created in [<paramref name="since"/>, <paramref name="until"/>).</summary>
    Task<IReadOnlyList<Ticket>> ListTicketsCreatedAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>One conversation's whole transcript, as stored (redacted).</summary>
    Task<IReadOnlyList<TranscriptLine>> GetConversationAsync(ConversationKey conversation, CancellationToken cancellationToken = default);
}

/// <summary>A transcript line with its conversation.</summary>
public sealed record ReportLine(ConversationKey Conversation, long Seq, TranscriptDirection Direction, string Text, DateTimeOffset At);
