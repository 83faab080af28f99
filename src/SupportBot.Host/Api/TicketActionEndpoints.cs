using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Tickets;
using SupportBot.Host.Api.Wire;

namespace SupportBot.Host.Api;

/// <summary>The write side: reply, status, assignment, priority, note. Each goes through <see cref="TicketDesk"/>,
/// which records who did it (<c>api:KEYNAME</c>, with the agent when one is named) in the ticket's history.</summary>
internal static class TicketActionEndpoints
{
    /// <summary>The longest reply or note accepted (chat channels cap a message near 4,096 characters).</summary>
    public const int MaxTextLength = 4000;

    public static async Task<IResult> ReplyAsync(
        long number,
        HttpContext http,
        [FromServices] TicketDesk desk,
        [FromServices] IAgentStore agents,
        [FromServices] DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync(
            http.Request, ApiJsonContext.Default.ReplyRequest, """{"agent":"alice","text":"..."}""", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (CheckText(body.Text, "reply") is { } badText)
        {
            return badText;
        }

        if (string.IsNullOrWhiteSpace(body.Agent))
        {
            return ApiProblems.BadRequest("'agent' is required: replies are signed with an agent's name and code so "
                + "the user can check them.");
        }

        var (agent, unknown) = await FindAgentAsync(body.Agent, agents, cancellationToken);
        if (agent is null)
        {
            return unknown!;
        }

        var result = await desk.ReplyAsync(
            number, DeskActor.Api(ApiKeyFilter.KeyName(http), agent), body.Text!, cancellationToken);
        return DeskResults.From(result, number, catalog);
    }

    public static async Task<IResult> NoteAsync(
        long number,
        HttpContext http,
        [FromServices] TicketDesk desk,
        [FromServices] IAgentStore agents,
        [FromServices] DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync(
            http.Request, ApiJsonContext.Default.NoteRequest, """{"agent":"alice","text":"..."}""", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (CheckText(body.Text, "note") is { } badText)
        {
            return badText;
        }

        var (agent, unknown) = await FindAgentAsync(body.Agent, agents, cancellationToken);
        if (unknown is not null)
        {
            return unknown;
        }

        var result = await desk.AddNoteAsync(
            number, DeskActor.Api(ApiKeyFilter.KeyName(http), agent), body.Text!, cancellationToken);
        return DeskResults.From(result, number, catalog, isNote: true);
    }

    public static async Task<IResult> StatusAsync(
        long number,
        HttpContext http,
        [FromServices] TicketDesk desk,
        [FromServices] IAgentStore agents,
        [FromServices] DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync(
            http.Request, ApiJsonContext.Default.StatusRequest, """{"status":"resolved"}""", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (TicketLifecycle.Parse(body.Status) is not { } status)
        {
            return ApiProblems.BadRequest((body.Status is null ? "'status' is required" : "Unknown status "
                + TicketListQuery.Quote(body.Status)) + "; use new, assigned, waiting_on_user, resolved or closed.");
        }

        var (agent, unknown) = await FindAgentAsync(body.Agent, agents, cancellationToken);
        if (unknown is not null)
        {
            return unknown;
        }

        var result = await desk.SetStatusAsync(
            number, DeskActor.Api(ApiKeyFilter.KeyName(http), agent), status, cancellationToken);
        return DeskResults.From(result, number, catalog);
    }

    public static async Task<IResult> AssignmentAsync(
        long number,
        HttpContext http,
        [FromServices] TicketDesk desk,
        [FromServices] IAgentStore agents,
        [FromServices] DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync(
            http.Request, ApiJsonContext.Default.AssignmentRequest, """{"agent":"alice"}""", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (!body.AgentGiven)
        {
            return ApiProblems.BadRequest("'agent' is required: an agent's name to assign the ticket to, or null to "
                + "unassign it.");
        }

        Agent? agent = null;
        if (body.Agent is not null)
        {
            (agent, var unknown) = await FindAgentAsync(body.Agent, agents, cancellationToken);
            if (agent is null)
            {
                return unknown ?? ApiProblems.BadRequest("'agent' is blank; give an agent's name, or null to unassign.");
            }
        }

        var result = await desk.AssignAsync(
            number, DeskActor.Api(ApiKeyFilter.KeyName(http)), agent, cancellationToken);
        return DeskResults.From(result, number, catalog);
    }

    public static async Task<IResult> PriorityAsync(
        long number,
        HttpContext http,
        [FromServices] TicketDesk desk,
        [FromServices] DialogCatalog catalog,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync(
            http.Request, ApiJsonContext.Default.PriorityRequest, """{"priority":"urgent"}""", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (ApiMapper.ParsePriority(body.Priority) is not { } priority)
        {
            return ApiProblems.BadRequest((body.Priority is null ? "'priority' is required" : "Unknown priority "
                + TicketListQuery.Quote(body.Priority)) + "; use urgent, high, normal or low.");
        }

        var result = await desk.SetPriorityAsync(
            number, DeskActor.Api(ApiKeyFilter.KeyName(http)), priority, cancellationToken);
        return DeskResults.From(result, number, catalog);
    }

    private static ProblemHttpResult? CheckText(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ApiProblems.BadRequest($"'text' is required and must not be blank (the {what}).");
        }

        return text.Length > MaxTextLength
            ? ApiProblems.BadRequest($"'text' is {text.Length} characters; a {what} may have at most {MaxTextLength}.")
            : null;
    }

    /// <summary>The named agent; nothing (and no problem) when no name is given; a 400 for an unknown or
    /// deactivated agent.</summary>
    private static async Task<(Agent? Agent, ProblemHttpResult? Problem)> FindAgentAsync(
        string? name, IAgentStore agents, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, null);
        }

        var agent = await agents.FindAgentByNameAsync(name.Trim(), cancellationToken);
        if (agent is null)
        {
            return (null, ApiProblems.BadRequest($"No agent named {TicketListQuery.Quote(name)} ('agent' takes an "
                + "agent's sign-in name)."));
        }

        return agent.Active
            ? (agent, null)
            : (null, ApiProblems.BadRequest($"Agent {TicketListQuery.Quote(agent.Name)} is deactivated."));
    }
}
