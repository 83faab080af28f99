using Microsoft.Extensions.Primitives;

namespace SupportBot.Host.Api;

/// <summary>Lets a request into <c>/api</c> only with a configured key, sent as <c>Authorization: Bearer KEY</c> or
/// <c>X-Api-Key: KEY</c>, and remembers which integration it is for the audit history. Logs refusals with the
/// caller's address, never the key, aggregated per address, and throttles addresses that keep sending wrong keys
/// (<see cref="ApiKeyFailures"/>).</summary>
internal sealed class ApiKeyFilter(ApiKeyRing keys, ApiKeyFailures failures) : IEndpointFilter
{
    /// <summary>The header an integration may use instead of <c>Authorization</c>.</summary>
    public const string HeaderName = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";
    private static readonly object KeyNameItem = new();

    /// <summary>The name of the integration whose key let this request in.</summary>
    public static string KeyName(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[KeyNameItem] as string
            ?? throw new InvalidOperationException("The API key filter did not run for this endpoint.");
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!keys.Enabled)
        {
            return ApiProblems.NotFound(
                "The REST API is disabled: no API keys are configured. Add one under Api:Keys (see README, REST API).");
        }

        var presented = Presented(http.Request);
        if (presented is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized(
                "No API key: send it as 'Authorization: Bearer KEY' or as '" + HeaderName + ": KEY'.");
        }

        if (failures.Blocked(http.Connection.RemoteIpAddress) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.TooManyRequests("Too many requests with a wrong API key from this address; retry after the time in Retry-After.");
        }

        if (keys.Match(presented) is not { } name)
        {
            failures.Record(http.Connection.RemoteIpAddress);
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return ApiProblems.Unauthorized("The API key is not valid.");
        }

        http.Items[KeyNameItem] = name;
        return await next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return NonEmpty(authorization[BearerPrefix.Length..]);
        }

        return request.Headers.TryGetValue(HeaderName, out var header) ? NonEmpty(header) : null;
    }

    private static string? NonEmpty(StringValues value) =>
        value.ToString().Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
