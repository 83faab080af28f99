using Microsoft.AspNetCore.Antiforgery;

namespace SupportBot.Host.AgentConsole;

/// <summary>CSRF protection for the console's state-changing requests: ASP.NET Core antiforgery tokens, bound to
/// the signed-in agent, sent by the page in a header (a cross-site form cannot set headers).</summary>
internal static class AgentCsrf
{
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>A fresh request token for the current user (also sets the antiforgery cookie).</summary>
    public static string Issue(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!;

    /// <summary>Refuses POST, PUT, PATCH and DELETE requests without a valid token: 400 with a clear message.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.BadRequest(ConsoleTexts.Error(http, ConsoleTexts.Csrf));
            }
        }

        return await next(context);
    }
}
