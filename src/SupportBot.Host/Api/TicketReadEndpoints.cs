using Microsoft.AspNetCore.Mvc;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Host.Api.Wire;

namespace SupportBot.Host.Api;

/// <summary>The read side: the queue, one ticket, the canned replies.</summary>
internal static class TicketReadEndpoints
{
    public static async Task<IResult> ListAsync(
        [FromQuery] string[]? status,
        [FromQuery] string? priority,
        [FromQuery] string? channel,
        [FromQuery] string? category,
        [FromQuery] string? assignee,
        [FromQuery] string? unassigned,
        [FromQuery] string? limit,
        [FromQuery] string? offset,
        [FromServices] TicketDesk desk,
        [FromServices] ITicketStore store,
        [FromServices] IAgentStore agents,
        CancellationToken cancellationToken)
    {
        var (query, problem) = await TicketListQuery.ParseAsync(
            status, priority, channel, category, assignee, unassigned, limit, offset, agents, cancellationToken);
        if (query is null)
        {
            return problem!;
        }

        var tickets = await desk.QueryAsync(query, cancellationToken);
        var total = await store.CountTicketsAsync(query, cancellationToken);
        return TypedResults.Json(
            new TicketListDto([.. tickets.Select(ApiMapper.ToDto)], total, query.Limit, query.Offset),
            ApiJsonContext.Default.TicketListDto);
    }

    public static async Task<IResult> GetAsync(
        long number, [FromServices] TicketDesk desk, CancellationToken cancellationToken)
    {
        var view = await desk.GetAsync(number, cancellationToken);
        return view is null
            ? ApiProblems.TicketNotFound(number)
            : TypedResults.Json(ApiMapper.ToDto(view), ApiJsonContext.Default.TicketViewDto);
    }

    public static IResult Canned([FromQuery] string? locale, [FromServices] DialogCatalog catalog)
    {
        var chosen = string.IsNullOrWhiteSpace(locale) ? Locales.Supported.English : Locales.FromHint(locale);
        if (chosen is null)
        {
            return ApiProblems.BadRequest($"Unsupported locale {TicketListQuery.Quote(locale)}; use "
                + string.Join(" or ", Locales.All) + ".");
        }

        return TypedResults.Json(
            new CannedListDto(
                chosen,
                [.. catalog.CannedReplies.Select(c => new CannedReplyDto(c.Id, c.Title.Get(chosen), c.Text.Get(chosen)))]),
            ApiJsonContext.Default.CannedListDto);
    }
}
