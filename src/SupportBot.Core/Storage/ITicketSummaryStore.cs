namespace SupportBot.Core.Storage;

/// <summary>Where the optional AI's ticket summary is kept. Separate from <see cref="ITicketStore"/>'s changes on
/// purpose: a summary is a note for the agent written in the background, not an agent's change, so it neither bumps
/// the ticket's version (an agent's pending change would otherwise conflict with it) nor enters the history.</summary>
public interface ITicketSummaryStore
{
    /// <summary>Stores <paramref name="summary"/> (already checked by the outbound guard and the secret scanner) on
    /// ticket <paramref name="number"/>; false when there is no such ticket.</summary>
    Task<bool> SetSummaryAsync(long number, string summary, CancellationToken cancellationToken = default);
}
