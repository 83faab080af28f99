using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Host.Api.Wire;

namespace SupportBot.Host.Api;

/// <summary>Domain → wire: enums become their lower-case wire names.</summary>
internal static class ApiMapper
{
    /// <summary>The priority names, most urgent first.</summary>
    public static readonly IReadOnlyList<string> PriorityNames = ["urgent", "high", "normal", "low"];

    public static string Name(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => "urgent",
        TicketPriority.High => "high",
        TicketPriority.Normal => "normal",
        _ => "low",
    };

    /// <summary>The priority with this wire name (case-insensitive), or null; numbers are not names.</summary>
    public static TicketPriority? ParsePriority(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "urgent" => TicketPriority.Urgent,
        "high" => TicketPriority.High,
        "normal" => TicketPriority.Normal,
        "low" => TicketPriority.Low,
        _ => null,
    };

    public static string Name(TranscriptDirection direction) => direction switch
    {
        TranscriptDirection.User => "user",
        TranscriptDirection.Bot => "bot",
        TranscriptDirection.Agent => "agent",
        _ => "system",
    };

    public static TicketDto ToDto(Ticket t) => new(
        t.Number,
        TicketLifecycle.Name(t.Status),
        Name(t.Priority),
        t.Category,
        t.Conversation.Channel,
        t.Conversation.Id,
        t.UserId,
        t.UserName,
        t.Locale,
        t.AssigneeName,
        t.SecretExposed,
        t.Unreachable,
        t.Rating,
        t.RatingComment,
        t.Summary,
        t.CreatedAt,
        t.UpdatedAt,
        t.FirstResponseAt,
        t.ResolvedAt,
        t.ClosedAt,
        t.LastUserMessageAt,
        [.. t.Details.Select(d => new TicketDetailDto(d.Id, d.Kind, d.Value, d.Display, d.Original))],
        [.. t.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.At))]);

    public static TicketViewDto ToDto(TicketView view) => new(
        ToDto(view.Ticket),
        [.. view.Transcript.Select(l => new TranscriptLineDto(Name(l.Direction), l.Text, l.At))],
        [.. view.Notes.Select(n => new NoteDto(n.Id, n.AgentName, n.Text, n.At))],
        [.. view.History.Select(h => new HistoryEntryDto(h.At, h.Actor, h.Action, h.Detail))]);
}
