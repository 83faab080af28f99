using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.AgentConsole;

/// <summary>Maps tickets to what the console's JSON endpoints send: wire names for statuses and priorities, and
/// texts as stored (redacted); the page renders every text with <c>textContent</c>.</summary>
internal static class AgentJson
{
    public static string Role(AgentRole role) => role == AgentRole.Admin ? "admin" : "agent";

    public static string Priority(TicketPriority priority) => priority.ToString().ToLowerInvariant();

    public static TicketPriority? ParsePriority(string? name) =>
        Enum.TryParse<TicketPriority>(name, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(name, out _)
            ? p
            : null;

    public static string Direction(TranscriptDirection direction) => direction.ToString().ToLowerInvariant();

    public static ConsoleTicketSummary Summary(Ticket t, DialogCatalog catalog, string lang, TicketClock clock)
    {
        var due = t.CreatedAt + clock.Sla.For(t.Priority);
        var breached = t.FirstResponseAt is { } answered ? answered > due : t.IsOpen && clock.Now > due;
        return new(
        t.Number,
        TicketLifecycle.Name(t.Status),
        Priority(t.Priority),
        t.Category,
        catalog.FindProblem(t.Category)?.Title.Get(lang) ?? t.Category,
        t.Conversation.Channel,
        t.UserId,
        t.UserName,
        t.AssigneeName,
        t.CreatedAt,
        t.UpdatedAt,
        t.SecretExposed,
        t.Unreachable,
        t.Details.FirstOrDefault(d => d.Kind == SlotKinds.Uid)?.Value,
        t.Details.FirstOrDefault(d => d.Kind is SlotKinds.Email or SlotKinds.Phone or SlotKinds.Contact)?.Display,
        t.LastUserMessageAt ?? t.CreatedAt,
        t.FirstResponseAt is null && t.IsOpen ? due : null,
        breached);
    }

    public static ConsoleTicket Ticket(
        TicketView view, IReadOnlyList<Ticket> related, DialogCatalog catalog, string lang, TicketClock clock, bool suggestReply)
    {
        var t = view.Ticket;
        return new ConsoleTicket(
            Summary(t, catalog, lang, clock),
            t.Locale,
            t.Rating,
            t.RatingComment,
            t.Summary,
            t.FirstResponseAt,
            [.. t.Details.Select(d => new ConsoleDetail(d.Id, DetailTitle(catalog, t.Category, d.Id, lang), d.Display, d.Original))],
            [.. t.Attachments.Select(a => new ConsoleAttachment(
                a.Id, a.FileName, a.ContentType, a.Size, a.At, $"/agent/api/tickets/{t.Number}/attachments/{Uri.EscapeDataString(a.Id)}"))],
            [.. view.Transcript.Select(l => new ConsoleLine(l.Seq, Direction(l.Direction), l.Text, l.At, l.AttachmentNames))],
            [.. view.Notes.Select(n => new ConsoleNote(n.AgentName, n.Text, n.At))],
            [.. view.History.Select(h => new ConsoleHistory(h.At, h.Actor, h.Action, h.Detail))],
            [.. catalog.CannedReplies.Select(c => new ConsoleCanned(c.Id, c.Title.Get(lang), c.Text.Get(t.Locale)))],
            [.. related.Where(r => r.Number != t.Number).Select(r => Summary(r, catalog, lang, clock))],
            suggestReply);
    }

    private static string DetailTitle(DialogCatalog catalog, string category, string detailId, string lang)
    {
        var detail = catalog.FindProblem(category)?.Details.FirstOrDefault(d => d.Id == detailId);
        return detail?.Title.Get(lang) ?? detailId;
    }
}

/// <summary>A ticket in the queue.</summary>
public sealed record ConsoleTicketSummary(
    long Number,
    string Status,
    string Priority,
    string Category,
    string CategoryTitle,
    string Channel,
    string UserId,
    string? UserName,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool SecretExposed,
    bool Unreachable,
    string? Uid,
    string? Contact,
    DateTimeOffset WaitingSince,
    DateTimeOffset? SlaDueAt,
    bool SlaBreached);

/// <summary>Now and the first-response targets, for the SLA columns.</summary>
public sealed record TicketClock(DateTimeOffset Now, SlaOptions Sla);

/// <summary>A ticket's page.</summary>
public sealed record ConsoleTicket(
    ConsoleTicketSummary Ticket,
    string Locale,
    int? Rating,
    string? RatingComment,
    string? Summary,
    DateTimeOffset? FirstResponseAt,
    IReadOnlyList<ConsoleDetail> Details,
    IReadOnlyList<ConsoleAttachment> Attachments,
    IReadOnlyList<ConsoleLine> Transcript,
    IReadOnlyList<ConsoleNote> Notes,
    IReadOnlyList<ConsoleHistory> History,
    IReadOnlyList<ConsoleCanned> Canned,
    IReadOnlyList<ConsoleTicketSummary> Related,
    bool SuggestReply);

/// <summary>A gathered detail.</summary>
public sealed record ConsoleDetail(string Id, string Title, string Display, string? Original);

/// <summary>A kept file.</summary>
public sealed record ConsoleAttachment(string Id, string FileName, string ContentType, long Size, DateTimeOffset At, string Url);

/// <summary>A transcript line.</summary>
public sealed record ConsoleLine(long Seq, string Direction, string Text, DateTimeOffset At, IReadOnlyList<string> Attachments);

/// <summary>An internal note.</summary>
public sealed record ConsoleNote(string Agent, string Text, DateTimeOffset At);

/// <summary>An audit line.</summary>
public sealed record ConsoleHistory(DateTimeOffset At, string Actor, string Action, string? Detail);

/// <summary>A canned reply in the ticket's language.</summary>
public sealed record ConsoleCanned(string Id, string Title, string Text);
