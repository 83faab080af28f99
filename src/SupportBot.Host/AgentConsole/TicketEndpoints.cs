using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportBot.Core.Catalog;
using Microsoft.Extensions.Options;
using SupportBot.AI;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.AgentConsole;

/// <summary>The queue, the ticket page and the actions on a ticket; every action goes through <see cref="TicketDesk"/>.</summary>
internal static class TicketEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tickets", QueryAsync);
        api.MapGet("/search", SearchAsync);
        api.MapGet("/tickets/{number:long}", GetAsync);
        api.MapGet("/tickets/{number:long}/attachments/{id}", AttachmentAsync);
        api.MapPost("/tickets/{number:long}/claim", ClaimAsync);
        api.MapPost("/tickets/{number:long}/reply", ReplyAsync);
        api.MapPost("/tickets/{number:long}/suggested-reply", SuggestReplyAsync);
        api.MapPost("/tickets/{number:long}/notes", NoteAsync);
        api.MapPost("/tickets/{number:long}/status", StatusAsync);
        api.MapPost("/tickets/{number:long}/priority", PriorityAsync);
    }

    private static async Task<IResult> QueryAsync(
        HttpContext http,
        TicketDesk desk,
        DialogCatalog catalog,
        string? status,
        string? priority,
        string? channel,
        string? category,
        string? scope,
        string? lang,
        TimeProvider time,
        IOptions<AgentConsoleOptions> options)
    {
        var agent = await AgentPrincipal.CurrentAsync(http);
        var statuses = new List<TicketStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TicketLifecycle.Parse(name) is not { } s)
            {
                return Bad(http, ConsoleTexts.UnknownStatus, name);
            }

            statuses.Add(s);
        }

        TicketPriority? p = null;
        if (!string.IsNullOrEmpty(priority) && (p = AgentJson.ParsePriority(priority)) is null)
        {
            return Bad(http, ConsoleTexts.UnknownPriority, priority);
        }

        if (!string.IsNullOrEmpty(scope) && scope is not ("mine" or "unassigned"))
        {
            return Bad(http, ConsoleTexts.UnknownScope, scope);
        }

        var query = new TicketQuery
        {
            Statuses = statuses,
            Priority = p,
            Channel = string.IsNullOrEmpty(channel) ? null : channel,
            Category = string.IsNullOrEmpty(category) ? null : category,
            AssigneeId = scope == "mine" ? agent!.Id : null,
            UnassignedOnly = scope == "unassigned",
            Limit = 200,
        };
        var tickets = await desk.QueryAsync(query, http.RequestAborted);
        var language = Language(lang);
        var clock = new TicketClock(time.GetUtcNow(), options.Value.Sla);
        return TypedResults.Ok(tickets.Select(t => AgentJson.Summary(t, catalog, language, clock)).ToList());
    }

    private static async Task<IResult> SearchAsync(
        string? q, string? lang, HttpContext http, ITicketSearchStore search, DialogCatalog catalog, TimeProvider time,
        IOptions<AgentConsoleOptions> options)
    {
        var text = (q ?? "").Trim();
        if (text.Length < MinSearchLength)
        {
            return TypedResults.BadRequest(ConsoleTexts.Error(
                http, ConsoleTexts.SearchTooShort, ("min", MinSearchLength.ToString(CultureInfo.InvariantCulture))));
        }

        var found = await search.SearchTicketsAsync(text, 100, http.RequestAborted);
        var clock = new TicketClock(time.GetUtcNow(), options.Value.Sla);
        return TypedResults.Ok(found.Select(t => AgentJson.Summary(t, catalog, Language(lang), clock)).ToList());
    }

    private static async Task<IResult> GetAsync(
        long number, string? lang, TicketDesk desk, ITicketSearchStore search, DialogCatalog catalog, HttpContext http,
        TimeProvider time, IOptions<AgentConsoleOptions> options, ReplySuggester suggester)
    {
        var view = await desk.GetAsync(number, http.RequestAborted);
        if (view is null)
        {
            return NotFound(http, number);
        }

        var t = view.Ticket;
        var uid = t.Details.FirstOrDefault(d => d.Kind == SlotKinds.Uid)?.Value;
        var related = await search.ListRelatedTicketsAsync(t.Conversation.Channel, t.UserId, uid, 50, http.RequestAborted);
        var clock = new TicketClock(time.GetUtcNow(), options.Value.Sla);
        return TypedResults.Ok(AgentJson.Ticket(view, related, catalog, Language(lang), clock, suggester.Enabled));
    }

    /// <summary>Shorter search words would match most tickets.</summary>
    public const int MinSearchLength = 3;

    private static async Task<IResult> AttachmentAsync(long number, string id, TicketDesk desk, HttpContext http)
    {
        // Only files kept with this ticket are served, under the type found from their bytes, never sniffed.
        var ticket = (await desk.GetAsync(number, http.RequestAborted))?.Ticket;
        var attachment = ticket?.Attachments.FirstOrDefault(a => a.Id == id);
        var store = http.RequestServices.GetService<IAttachmentStore>();
        if (attachment is null || store is null || await store.OpenAsync(attachment.Id, http.RequestAborted) is not { } stream)
        {
            return TypedResults.NotFound(ConsoleTexts.Error(http, ConsoleTexts.NoAttachment));
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        var inline = attachment.ContentType.StartsWith("image/", StringComparison.Ordinal);
        return TypedResults.Stream(stream, attachment.ContentType, inline ? null : "attachment-" + attachment.Id);
    }

    private static async Task<IResult> ClaimAsync(long number, TicketDesk desk, HttpContext http)
    {
        var agent = (await AgentPrincipal.CurrentAsync(http))!;
        return Outcome(http, await desk.ClaimAsync(number, agent, http.RequestAborted), number, null);
    }

    private static async Task<IResult> ReplyAsync(
        long number, [FromBody] TextRequest request, TicketDesk desk, DialogCatalog catalog, HttpContext http)
    {
        var agent = (await AgentPrincipal.CurrentAsync(http))!;
        var result = await desk.ReplyAsync(number, DeskActor.For(agent), request.Text ?? "", http.RequestAborted);
        return Outcome(http, result, number, catalog, request.Lang);
    }

    /// <summary>The optional AI's draft reply, for the page to put in the reply box: never sent from here (the agent
    /// sends it, edited or not, with <see cref="ReplyAsync"/>).</summary>
    private static async Task<IResult> SuggestReplyAsync(long number, ReplySuggester suggester, HttpContext http)
    {
        var suggestion = await suggester.SuggestAsync(number, http.RequestAborted);
        return suggestion.Outcome switch
        {
            SuggestedReplyOutcome.Drafted => TypedResults.Ok(new ConsoleDraft(suggestion.Draft!)),
            SuggestedReplyOutcome.NoTicket => NotFound(http, number),
            SuggestedReplyOutcome.AiOff => TypedResults.Json(
                ConsoleTexts.Error(http, ConsoleTexts.AiOff), statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => TypedResults.Json(
                ConsoleTexts.Error(http, ConsoleTexts.NoDraft), statusCode: StatusCodes.Status503ServiceUnavailable),
        };
    }

    private static async Task<IResult> NoteAsync(
        long number, [FromBody] TextRequest request, TicketDesk desk, DialogCatalog catalog, HttpContext http)
    {
        var agent = (await AgentPrincipal.CurrentAsync(http))!;
        var result = await desk.AddNoteAsync(number, DeskActor.For(agent), request.Text ?? "", http.RequestAborted);
        return Outcome(http, result, number, catalog, request.Lang);
    }

    private static async Task<IResult> StatusAsync(long number, [FromBody] ValueRequest request, TicketDesk desk, HttpContext http)
    {
        if (TicketLifecycle.Parse(request.Value) is not { } status)
        {
            return Bad(http, ConsoleTexts.UnknownStatus, request.Value);
        }

        var agent = (await AgentPrincipal.CurrentAsync(http))!;
        return Outcome(http, await desk.SetStatusAsync(number, DeskActor.For(agent), status, http.RequestAborted), number, null);
    }

    private static async Task<IResult> PriorityAsync(long number, [FromBody] ValueRequest request, TicketDesk desk, HttpContext http)
    {
        if (AgentJson.ParsePriority(request.Value) is not { } priority)
        {
            return Bad(http, ConsoleTexts.UnknownPriority, request.Value);
        }

        var agent = (await AgentPrincipal.CurrentAsync(http))!;
        return Outcome(http, await desk.SetPriorityAsync(number, DeskActor.For(agent), priority, http.RequestAborted), number, null);
    }

    private static IResult Outcome(HttpContext http, DeskResult result, long number, DialogCatalog? catalog, string? lang = null) => result.Outcome switch
    {
        DeskOutcome.Done => TypedResults.Ok(new { ok = true }),
        DeskOutcome.NotFound => NotFound(http, number),
        DeskOutcome.AlreadyClaimed => TypedResults.Conflict(ConsoleTexts.Error(
            http,
            ConsoleTexts.AlreadyClaimed,
            ("number", number.ToString(CultureInfo.InvariantCulture)),
            ("agent", result.ClaimedBy ?? "?")) with { ClaimedBy = result.ClaimedBy }),
        DeskOutcome.Blocked => TypedResults.UnprocessableEntity(
            result.BlockedSecret is { } kind && catalog is not null
                ? new ConsoleError(catalog.Text(TextKeys.OutboundBlocked(kind)).Get(ConsoleTexts.Language(http, lang)))
                : ConsoleTexts.Error(http, ConsoleTexts.NotSent)),
        _ => TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.NotPossible)),
    };

    private static string Language(string? lang) => Locales.FromHint(lang) ?? Locales.Supported.English;

    private static BadRequest<ConsoleError> Bad(HttpContext http, string key, string? value) =>
        TypedResults.BadRequest(ConsoleTexts.Error(http, key, ("value", value ?? "")));

    private static NotFound<ConsoleError> NotFound(HttpContext http, long number) =>
        TypedResults.NotFound(ConsoleTexts.Error(http, ConsoleTexts.NoTicket, ("number", number.ToString(CultureInfo.InvariantCulture))));
}

/// <summary>A reply or note, with the agent's interface language for any refusal message.</summary>
public sealed record TextRequest(string? Text, string? Lang);

/// <summary>The AI's draft reply, for the agent to edit.</summary>
public sealed record ConsoleDraft(string Draft);

/// <summary>A new status or priority, by wire name.</summary>
public sealed record ValueRequest(string? Value);
