using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Protocol;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>CORS for <c>/v3/directline</c> and <c>/webchat</c>: pages of the configured origins (and the host's own
/// pages) may call them; a preflight is answered here; a request from any other origin is refused with 403 before
/// it does anything.</summary>
public sealed class OriginPolicy
{
    private const string AllowedHeaders = "Authorization, Content-Type, Accept, x-ms-bot-agent, Origin, X-Requested-With";

    private readonly HashSet<string> _origins;

    /// <summary>Creates the policy from <c>DirectLine:AllowedOrigins</c>.</summary>
    public OriginPolicy(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _origins = new HashSet<string>(options.Value.AllowedOrigins, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether the policy applies to <paramref name="path"/>.</summary>
    public static bool Covers(PathString path) =>
        path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/webchat", StringComparison.OrdinalIgnoreCase);

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var origin = context.Request.Headers.Origin.ToString();
        if (!Covers(context.Request.Path) || origin.Length == 0)
        {
            await next();
            return;
        }

        if (!Allows(context.Request, origin))
        {
            await DirectLineError.Of(StatusCodes.Status403Forbidden, "BadArgument", "This origin is not allowed.")
                .ExecuteAsync(context);
            return;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = "Origin";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = "600";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        headers.AccessControlExposeHeaders = "Retry-After";
        await next();
    }

    private bool Allows(HttpRequest request, string origin) =>
        _origins.Contains(origin)
        || string.Equals(origin, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
