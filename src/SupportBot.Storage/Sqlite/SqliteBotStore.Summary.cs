using SupportBot.Core.Storage;

namespace SupportBot.Storage.Sqlite;

/// <summary>The optional AI's ticket summary (see <see cref="ITicketSummaryStore"/>).</summary>
public sealed partial class SqliteBotStore : ITicketSummaryStore
{
    // Neither the version nor updated_at moves: the summary is no agent's change (see ITicketSummaryStore).
    private const string SetSummary = "UPDATE tickets SET summary = $summary WHERE number = $number";

    /// <inheritdoc />
    public async Task<bool> SetSummaryAsync(long number, string summary, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        var changed = await _writes.SubmitAsync(
            session =>
            {
                var command = session.Command(SetSummary);
                command.Parameters.AddWithValue("$summary", summary);
                command.Parameters.AddWithValue("$number", number);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
        return changed > 0;
    }
}
