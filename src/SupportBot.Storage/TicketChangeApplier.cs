using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage;

/// <summary>What a <see cref="TicketChange"/> does to a ticket's fields, written once so every store applies a
/// change alike. Times are kept to the millisecond, as the SQLite store keeps them.</summary>
internal static class TicketChangeApplier
{
    public static void Validate(TicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(change.AddDetails, nameof(change));
        ArgumentNullException.ThrowIfNull(change.AddAttachments, nameof(change));
        ArgumentNullException.ThrowIfNull(change.History, nameof(change));
        ArgumentNullException.ThrowIfNull(change.Transcript, nameof(change));
        ArgumentNullException.ThrowIfNull(change.Outbox, nameof(change));
        if (change.Rating is { } rating)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1, nameof(change));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5, nameof(change));
        }

        if (change.Note is { } note)
        {
            ArgumentNullException.ThrowIfNull(note.Text, nameof(change));
            ArgumentNullException.ThrowIfNull(note.AgentName, nameof(change));
        }
    }

    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>The ticket after <paramref name="change"/>: null fields stay, every change bumps the version.</summary>
    public static Ticket Apply(Ticket ticket, TicketChange change)
    {
        var at = Truncate(change.At);
        var status = change.Status ?? ticket.Status;
        var resolvedAt = ticket.ResolvedAt;
        var closedAt = ticket.ClosedAt;
        if (change.Status is { } next && next != ticket.Status)
        {
            if (next == TicketStatus.Resolved)
            {
                resolvedAt = at;
            }
            else if (next == TicketStatus.Closed)
            {
                closedAt = at;
            }
            else if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed)
            {
                // Reopened: the ticket is no longer resolved or closed, and the auto-close must not pick it up.
                resolvedAt = null;
                closedAt = null;
            }
        }

        var assignee = change.Assignee;
        return ticket with
        {
            Status = status,
            ResolvedAt = resolvedAt,
            ClosedAt = closedAt,
            Priority = change.SecretExposed ? TicketPriority.Urgent : change.Priority ?? ticket.Priority,
            SecretExposed = ticket.SecretExposed || change.SecretExposed,
            AssigneeId = assignee is null ? ticket.AssigneeId : assignee.AgentId,
            AssigneeName = assignee is null ? ticket.AssigneeName : assignee.AgentName,
            Unreachable = change.Unreachable ?? ticket.Unreachable,
            Rating = change.Rating ?? ticket.Rating,
            RatingComment = change.RatingComment ?? ticket.RatingComment,
            FirstResponseAt = change.FirstResponse ? ticket.FirstResponseAt ?? at : ticket.FirstResponseAt,
            LastUserMessageAt = change.UserMessage ? at : ticket.LastUserMessageAt,
            Details = MergeDetails(ticket.Details, change.AddDetails),
            Attachments = change.AddAttachments.Count == 0
                ? ticket.Attachments
                : [.. ticket.Attachments, .. change.AddAttachments.Select(a => a with { At = Truncate(a.At) })],
            UpdatedAt = at,
            Version = ticket.Version + 1,
        };
    }

    private static IReadOnlyList<TicketDetail> MergeDetails(
        IReadOnlyList<TicketDetail> details, IReadOnlyList<TicketDetail> added)
    {
        if (added.Count == 0)
        {
            return details;
        }

        var merged = new List<TicketDetail>(details);
        foreach (var detail in added)
        {
            var index = merged.FindIndex(d => string.Equals(d.Id, detail.Id, StringComparison.Ordinal));
            if (index >= 0)
            {
                merged[index] = detail;
            }
            else
            {
                merged.Add(detail);
            }
        }

        return merged;
    }
}
