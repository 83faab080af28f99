using SupportBot.Core.Storage;

namespace SupportBot.Storage;

/// <summary>Argument checks every store runs before it writes, so a malformed commit fails the same way everywhere
/// and never half-applies.</summary>
internal static class TurnCommitValidation
{
    public static void Validate(TurnCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Conversation, nameof(commit));
        ArgumentNullException.ThrowIfNull(commit.State, nameof(commit));
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion, nameof(commit));

        // The ticket's transcript range is counted in the committing conversation, so it must be that one.
        if (commit.NewTicket is { } ticket && ticket.Conversation != commit.Conversation)
        {
            throw new ArgumentException(
                $"The new ticket belongs to {ticket.Conversation}, not to the committing {commit.Conversation}.",
                nameof(commit));
        }

        ArgumentNullException.ThrowIfNull(commit.TicketChanges, nameof(commit));
        foreach (var change in commit.TicketChanges)
        {
            TicketChangeApplier.Validate(change);

            // The turn's own lists carry its transcript and replies; a second source would make their order unclear.
            if (change.Transcript.Count > 0 || change.Outbox.Count > 0)
            {
                throw new ArgumentException(
                    $"The change of ticket {change.Number} in a turn commit carries transcript lines or replies; " +
                    "put them in the turn's own lists.",
                    nameof(commit));
            }
        }
    }
}
