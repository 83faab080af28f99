using SupportBot.Core.Agents;
using SupportBot.Core.Handoff;

namespace SupportBot.Host.AgentConsole;

/// <summary>What an admin does from the console: list agents, deactivate or reactivate them, give them a new
/// one-time password (shown once, and forced to change at their next sign-in; their sessions end), and take over or
/// reassign a ticket another agent claimed (recorded in the history; the previous agent is told live).</summary>
internal static class AgentAdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/agents", ListAsync);
        api.MapPost("/agents/{name}/deactivate", (string name, HttpContext http, IAgentStore agents) => SetActiveAsync(name, false, http, agents));
        api.MapPost("/agents/{name}/activate", (string name, HttpContext http, IAgentStore agents) => SetActiveAsync(name, true, http, agents));
        api.MapPost("/agents/{name}/reset-password", ResetPasswordAsync);
        api.MapPost("/tickets/{number:long}/assign", AssignAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IAgentStore agents)
    {
        if (await AdminAsync(http) is null)
        {
            return Forbidden(http);
        }

        var all = await agents.ListAgentsAsync(http.RequestAborted);
        return TypedResults.Ok(all.Select(a => new ConsoleAgent(a.Name, AgentJson.Role(a.Role), a.Code, a.Active, a.MustChangePassword)).ToList());
    }

    /// <summary>The agent named <paramref name="name"/> when the signed-in agent is an admin acting on someone else;
    /// otherwise the answer that refuses it (403, 404, or 400 for oneself).</summary>
    private static async Task<(Agent? Agent, IResult? Refused)> OtherAgentAsync(string name, HttpContext http, IAgentStore agents)
    {
        if (await AdminAsync(http) is not { } admin)
        {
            return (null, Forbidden(http));
        }

        var agent = await agents.FindAgentByNameAsync(name, http.RequestAborted);
        if (agent is null)
        {
            return (null, TypedResults.NotFound(ConsoleTexts.Error(http, ConsoleTexts.NoSuchAgent, ("name", name))));
        }

        return agent.Id == admin.Id
            ? (null, TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.NotYourself)))
            : (agent, null);
    }

    private static async Task<IResult> SetActiveAsync(string name, bool active, HttpContext http, IAgentStore agents)
    {
        var (agent, refused) = await OtherAgentAsync(name, http, agents);
        if (agent is null)
        {
            return refused!;
        }

        await agents.SetAgentActiveAsync(agent.Id, active, http.RequestAborted);
        return TypedResults.Ok(new ConsoleAgent(agent.Name, AgentJson.Role(agent.Role), agent.Code, active, agent.MustChangePassword));
    }

    private static async Task<IResult> ResetPasswordAsync(
        string name, HttpContext http, IAgentStore agents, IAgentSessionStore sessions, PasswordHasher hasher)
    {
        var (agent, refused) = await OtherAgentAsync(name, http, agents);
        if (agent is null)
        {
            return refused!;
        }

        var password = AgentSecrets.NewPassword();
        await sessions.SetPasswordAsync(agent.Id, hasher.Hash(password), mustChange: true, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ConsolePasswordReset(agent.Name, password));
    }

    private static async Task<IResult> AssignAsync(
        long number, AssignRequest request, HttpContext http, IAgentStore agents, TicketDesk desk, ConsoleNotices notices)
    {
        if (await AdminAsync(http) is not { } admin)
        {
            return Forbidden(http);
        }

        Agent? target = null;
        if (!string.IsNullOrWhiteSpace(request.Agent))
        {
            target = await agents.FindAgentByNameAsync(request.Agent.Trim(), http.RequestAborted);
            if (target is not { Active: true })
            {
                return TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.NoSuchAgent, ("name", request.Agent.Trim())));
            }
        }

        var before = await desk.GetAsync(number, http.RequestAborted);
        if (before is null)
        {
            return TypedResults.NotFound(ConsoleTexts.Error(http, ConsoleTexts.NoTicket, ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        var result = await desk.AssignAsync(number, DeskActor.For(admin), target, http.RequestAborted);
        if (result.Outcome != DeskOutcome.Done)
        {
            return TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.NotPossible));
        }

        if (before.Ticket.AssigneeId is { } previous && previous != target?.Id && previous != admin.Id)
        {
            notices.Send(previous, new ConsoleNotice("taken", number, admin.Name, target?.Name));
        }

        return TypedResults.Ok(new { ok = true });
    }

    private static async Task<Agent?> AdminAsync(HttpContext http) =>
        await AgentPrincipal.CurrentAsync(http) is { Role: AgentRole.Admin } admin ? admin : null;

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ConsoleError> Forbidden(HttpContext http) =>
        TypedResults.Json(ConsoleTexts.Error(http, ConsoleTexts.AdminOnly), statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>An agent account as the admin page lists it.</summary>
public sealed record ConsoleAgent(string Name, string Role, string Code, bool Active, bool MustChangePassword);

/// <summary>A new one-time password, shown to the admin once.</summary>
public sealed record ConsolePasswordReset(string Name, string Password);

/// <summary>Who gets the ticket: an agent's name, or null for nobody.</summary>
public sealed record AssignRequest(string? Agent);
