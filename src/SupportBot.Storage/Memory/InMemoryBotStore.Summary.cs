using SupportBot.Core.Storage;

namespace SupportBot.Storage.Memory;

/// <summary>The optional AI's ticket summary (see <see cref="ITicketSummaryStore"/>).</summary>
public sealed partial class InMemoryBotStore : ITicketSummaryStore
{
    /// <inheritdoc />
    public Task<bool> SetSummaryAsync(long number, string summary, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        return Task.FromResult(_tickets.SetSummary(number, summary));
    }
}
