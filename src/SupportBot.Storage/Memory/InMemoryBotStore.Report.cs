using SupportBot.Core.Activities;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>The bot report's reads (see <see cref="IReportStore"/>), by scanning.</summary>
public sealed partial class InMemoryBotStore : IReportStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportLine>> GetTranscriptLinesAsync(
        DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        var lines = new List<ReportLine>();
        foreach (var key in _conversations.Keys.OrderBy(k => k.Channel, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal))
        {
            foreach (var line in await GetTranscriptAsync(key, 0, cancellationToken))
            {
                if (line.At >= since && line.At < until && lines.Count < limit)
                {
                    lines.Add(new ReportLine(key, line.Seq, line.Direction, line.Text, line.At));
                }
            }
        }

        return lines;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> ListTicketsCreatedAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Ticket>>(
        [
            .. _tickets.Snapshot().Select(t => t.Ticket).Where(t => t.CreatedAt >= since && t.CreatedAt < until)
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Number),
        ]);

    /// <inheritdoc />
    public Task<IReadOnlyList<TranscriptLine>> GetConversationAsync(
        ConversationKey conversation, CancellationToken cancellationToken = default) =>
        GetTranscriptAsync(conversation, 0, cancellationToken);
}
