using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;

namespace SupportBot.Host.AgentConsole;

/// <summary>Sign-in, sign-out, "who am I" and the agent's own password change.</summary>
internal static class SignInEndpoints
{
    /// <summary>The shortest password an agent may choose.</summary>
    public const int MinPasswordLength = 12;

    // A well-formed hash of nothing anyone knows: unknown names cost the same time as wrong passwords.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher().Hash(AgentSecrets.NewPassword()));

    public static void Map(RouteGroupBuilder api)
    {
        // Not CSRF-checked (there is no session yet): JSON only, which a cross-site form cannot send, and the
        // session cookie is SameSite=Strict.
        api.MapPost("/signin", SignInAsync);
        api.MapPost("/signout", SignOutAsync).RequireAuthorization(AgentConsoleEndpoints.Policy).AddEndpointFilter(AgentCsrf.FilterAsync);
        api.MapPost("/password", ChangePasswordAsync).RequireAuthorization(AgentConsoleEndpoints.Policy).AddEndpointFilter(AgentCsrf.FilterAsync);
        api.MapGet("/me", MeAsync).RequireAuthorization(AgentConsoleEndpoints.Policy);
    }

    private static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext http, SignInThrottle throttle, IAgentStore agents, DialogCatalog catalog,
        IOptions<AgentConsoleOptions> options)
    {
        var name = request.Name?.Trim() ?? "";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Check(address, name) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Json(
                ConsoleTexts.Error(http, ConsoleTexts.TooManySignIns), statusCode: StatusCodes.Status429TooManyRequests);
        }

        var agent = name.Length == 0 ? null : await agents.FindAgentByNameAsync(name, http.RequestAborted);
        var hash = agent is { Active: true } ? await agents.GetPasswordHashAsync(agent.Id, http.RequestAborted) : null;
        var matches = PasswordHasher.Verify(request.Password ?? "", hash ?? DecoyHash.Value);
        if (agent is not { Active: true } || string.IsNullOrEmpty(hash) || !matches)
        {
            throttle.Failed(address, name);
            return TypedResults.Json(ConsoleTexts.Error(http, ConsoleTexts.SignInFailed), statusCode: StatusCodes.Status401Unauthorized);
        }

        await AgentPrincipal.SignInAsync(http, agent);
        return TypedResults.Ok(Me(agent, http, catalog, options.Value));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await AgentPrincipal.SignOutAsync(http);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(
        PasswordChangeRequest request, HttpContext http, IAgentStore agents, IAgentSessionStore sessions,
        PasswordHasher hasher, SignInThrottle throttle, DialogCatalog catalog, IOptions<AgentConsoleOptions> options)
    {
        var agent = await AgentPrincipal.CurrentAsync(http);
        if (agent is null)
        {
            return TypedResults.Unauthorized();
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Check(address, agent.Name) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Json(
                ConsoleTexts.Error(http, ConsoleTexts.TooManySignIns), statusCode: StatusCodes.Status429TooManyRequests);
        }

        var current = request.Current ?? "";
        var next = request.New ?? "";
        var hash = await agents.GetPasswordHashAsync(agent.Id, http.RequestAborted);
        if (string.IsNullOrEmpty(hash) || !PasswordHasher.Verify(current, hash))
        {
            // A stolen session must not be able to guess the password: wrong answers count like failed sign-ins.
            throttle.Failed(address, agent.Name);
            return TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.PasswordWrong));
        }

        if (next.Trim().Length < MinPasswordLength)
        {
            return TypedResults.BadRequest(ConsoleTexts.Error(
                http, ConsoleTexts.PasswordTooShort, ("min", MinPasswordLength.ToString(CultureInfo.InvariantCulture))));
        }

        if (string.Equals(next, current, StringComparison.Ordinal))
        {
            return TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.PasswordSame));
        }

        // Ends every session of the agent (other browsers, a copied cookie), then opens a fresh one for this page.
        await sessions.SetPasswordAsync(agent.Id, hasher.Hash(next), mustChange: false, http.RequestAborted);
        var updated = agent with { MustChangePassword = false };
        await AgentPrincipal.SignInAsync(http, updated);
        return TypedResults.Ok(Me(updated, http, catalog, options.Value));
    }

    private static async Task<IResult> MeAsync(HttpContext http, DialogCatalog catalog, IOptions<AgentConsoleOptions> options)
    {
        var agent = await AgentPrincipal.CurrentAsync(http);
        return agent is null ? TypedResults.Unauthorized() : TypedResults.Ok(Me(agent, http, catalog, options.Value));
    }

    private static ConsoleMe Me(Agent agent, HttpContext http, DialogCatalog catalog, AgentConsoleOptions options)
    {
        var lang = ConsoleTexts.Language(http);
        return new(
            agent.Name,
            AgentJson.Role(agent.Role),
            agent.Code,
            AgentCsrf.Issue(http),
            agent.MustChangePassword,
            options.TimeZone,
            [.. catalog.Problems.Select(p => new ConsoleCategory(p.Id, p.Title.Get(lang)))]);
    }
}

/// <summary>The sign-in form.</summary>
public sealed record SignInRequest(string? Name, string? Password);

/// <summary>The password change form.</summary>
public sealed record PasswordChangeRequest(string? Current, string? New);

/// <summary>The signed-in agent, the CSRF token to send back in the <c>X-CSRF-TOKEN</c> header, whether the agent
/// must choose a new password before anything else, the console's time zone and the filter lists.</summary>
public sealed record ConsoleMe(
    string Name, string Role, string Code, string Csrf, bool MustChangePassword, string TimeZone, IReadOnlyList<ConsoleCategory> Categories);

/// <summary>A problem category for the queue filter.</summary>
public sealed record ConsoleCategory(string Id, string Title);
