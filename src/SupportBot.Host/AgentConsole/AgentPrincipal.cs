using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SupportBot.Core.Agents;

namespace SupportBot.Host.AgentConsole;

/// <summary>The signed-in agent: the cookie carries the agent's id and a session token; every request loads the
/// account through the session kept in the store, so a session ended by sign-out, a password change or reset, or a
/// deactivation is refused even when its cookie is replayed.</summary>
internal static class AgentPrincipal
{
    private const string ItemKey = "SupportBot.Agent";

    /// <summary>Starts a session for <paramref name="agent"/> in the store and signs this response in with it.</summary>
    public static async Task<ClaimsPrincipal> SignInAsync(HttpContext http, Agent agent)
    {
        var token = AgentSessionToken.New();
        var sessions = http.RequestServices.GetRequiredService<IAgentSessionStore>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await sessions.CreateSessionAsync(agent.Id, AgentSessionToken.Hash(token), now, http.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, agent.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, agent.Name),
                new Claim(ClaimTypes.Role, AgentJson.Role(agent.Role)),
                new Claim(AgentSessionToken.ClaimType, token),
            ],
            AgentConsoleServices.Scheme);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(AgentConsoleServices.Scheme, principal);
        http.User = principal; // the CSRF token is bound to the agent just signed in
        http.Items[ItemKey] = agent;
        return principal;
    }

    /// <summary>Ends this request's session in the store and removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(AgentSessionToken.ClaimType) is { Length: > 0 } token)
        {
            await http.RequestServices.GetRequiredService<IAgentSessionStore>()
                .EndSessionAsync(AgentSessionToken.Hash(token), CancellationToken.None);
        }

        await http.SignOutAsync(AgentConsoleServices.Scheme);
        http.Items.Remove(ItemKey);
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
        var token = principal?.FindFirstValue(AgentSessionToken.ClaimType);
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId) || string.IsNullOrEmpty(token))
        {
            return null;
        }

        var agent = await context.RequestServices.GetRequiredService<IAgentSessionStore>()
            .FindAgentBySessionAsync(AgentSessionToken.Hash(token), context.RequestAborted);
        return agent is { Active: true } && agent.Id == agentId ? agent : null;
    }
}
