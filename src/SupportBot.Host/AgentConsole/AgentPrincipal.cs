using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SupportBot.Core.Agents;

namespace SupportBot.Host.AgentConsole;

/// <summary>The signed-in agent: the cookie carries only the id; every request loads the account, so a deactivated
/// agent is signed out at their next click.</summary>
internal static class AgentPrincipal
{
    private const string ItemKey = "SupportBot.Agent";

    public static ClaimsPrincipal Create(Agent agent)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, agent.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, agent.Name),
                new Claim(ClaimTypes.Role, AgentJson.Role(agent.Role)),
            ],
            AgentConsoleServices.Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var agent = await LoadAsync(context.HttpContext, context.Principal);
        if (agent is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AgentConsoleServices.Scheme);
            return;
        }

        context.HttpContext.Items[ItemKey] = agent;
    }

    /// <summary>The agent of this request (the cookie handler loaded it), or null.</summary>
    public static async Task<Agent?> CurrentAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var item) && item is Agent agent)
        {
            return agent;
        }

        return await LoadAsync(context, context.User);
    }

    private static async Task<Agent?> LoadAsync(HttpContext context, ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId))
        {
            return null;
        }

        var agent = await context.RequestServices.GetRequiredService<IAgentStore>()
            .GetAgentAsync(agentId, context.RequestAborted);
        return agent is { Active: true } ? agent : null;
    }
}
