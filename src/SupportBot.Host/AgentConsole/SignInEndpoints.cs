using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;

namespace SupportBot.Host.AgentConsole;

/// <summary>Sign-in, sign-out and "who am I" for the console.</summary>
internal static class SignInEndpoints
{
    // A well-formed hash of nothing anyone knows: unknown names cost the same time as wrong passwords.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher().Hash(AgentSecrets.NewPassword()));

    public static void Map(RouteGroupBuilder api)
    {
        // Not CSRF-checked (there is no session yet): JSON only, which a cross-site form cannot send, and the
        // session cookie is SameSite=Strict.
        api.MapPost("/signin", SignInAsync);
        api.MapPost("/signout", SignOutAsync).RequireAuthorization(AgentConsoleEndpoints.Policy).AddEndpointFilter(AgentCsrf.FilterAsync);
        api.MapGet("/me", MeAsync).RequireAuthorization(AgentConsoleEndpoints.Policy);
    }

    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext http, SignInThrottle throttle, IAgentStore agents, DialogCatalog catalog)
    {
        var name = request.Name?.Trim() ?? "";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.TryAttempt(address, name) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Json(
                new ConsoleError("Too many sign-in attempts. Wait a minute and try again."),
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var agent = name.Length == 0 ? null : await agents.FindAgentByNameAsync(name, http.RequestAborted);
        var hash = agent is { Active: true } ? await agents.GetPasswordHashAsync(agent.Id, http.RequestAborted) : null;
        var matches = PasswordHasher.Verify(request.Password ?? "", hash ?? DecoyHash.Value);
        if (agent is not { Active: true } || hash is null || !matches)
        {
            return TypedResults.Json(
                new ConsoleError("Wrong name or password (or the account is deactivated)."),
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = AgentPrincipal.Create(agent);
        await http.SignInAsync(AgentConsoleServices.Scheme, principal);
        http.User = principal; // the CSRF token is bound to the agent just signed in
        return TypedResults.Ok(Me(agent, http, catalog));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await http.SignOutAsync(AgentConsoleServices.Scheme);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> MeAsync(HttpContext http, DialogCatalog catalog)
    {
        var agent = await AgentPrincipal.CurrentAsync(http);
        return agent is null ? TypedResults.Unauthorized() : TypedResults.Ok(Me(agent, http, catalog));
    }

    private static ConsoleMe Me(Agent agent, HttpContext http, DialogCatalog catalog) => new(
        agent.Name,
        AgentJson.Role(agent.Role),
        agent.Code,
        AgentCsrf.Issue(http),
        [.. catalog.Problems.Select(p => new ConsoleCategory(p.Id, p.Title.Get(Locales.Supported.English)))]);
}

/// <summary>The sign-in form.</summary>
public sealed record SignInRequest(string? Name, string? Password);

/// <summary>The signed-in agent, the CSRF token to send back in the <c>X-CSRF-TOKEN</c> header, and the filter lists.</summary>
public sealed record ConsoleMe(string Name, string Role, string Code, string Csrf, IReadOnlyList<ConsoleCategory> Categories);

/// <summary>A problem category for the queue filter.</summary>
public sealed record ConsoleCategory(string Id, string Title);
