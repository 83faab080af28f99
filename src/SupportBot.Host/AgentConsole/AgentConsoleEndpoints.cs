using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.FileProviders;

namespace SupportBot.Host.AgentConsole;

/// <summary>Maps the agent console under <c>/agent</c>: the page and its script and style (embedded in this
/// assembly, served only under that path), the JSON API under <c>/agent/api</c> and the event stream at
/// <c>/agent/events</c>. Every console response carries a strict content security policy.</summary>
public static class AgentConsoleEndpoints
{
    /// <summary>Signed in with the console's cookie.</summary>
    public static readonly AuthorizationPolicy Policy =
        new AuthorizationPolicyBuilder(AgentConsoleServices.Scheme).RequireAuthenticatedUser().Build();

    private const string Base = "/agent";

    /// <summary>Adds the console to <paramref name="app"/>.</summary>
    public static WebApplication MapAgentConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(AgentConsoleEndpoints).Assembly, "SupportBot.Host.wwwroot.agent");
        app.UseWhen(
            c => c.Request.Path.StartsWithSegments(Base),
            branch =>
            {
                branch.Use(SecurityHeadersAsync);
                if (ConsoleForwardedHeaders.Create(app.Services) is { } forwarded)
                {
                    branch.UseForwardedHeaders(forwarded);
                }

                branch.Use((c, next) => AdminGateAsync(c, next, files));
                branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Base });
                branch.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = files,
                    RequestPath = Base,
                    OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache",
                });
            });

        var open = app.MapGroup(Base + "/api");
        SignInEndpoints.Map(open);
        ConsoleTextsEndpoint.Map(open);
        var api = app.MapGroup(Base + "/api").RequireAuthorization(Policy)
            .AddEndpointFilter(AgentCsrf.FilterAsync).AddEndpointFilter(PasswordChangeGate.FilterAsync);
        TicketEndpoints.Map(api);
        DashboardEndpoint.Map(api);
        AgentAdminEndpoints.Map(api);
        Report.ReportEndpoints.Map(api);
        EventsEndpoint.Map(app.MapGroup(Base).RequireAuthorization(Policy).AddEndpointFilter(PasswordChangeGate.FilterAsync));
        return app;
    }

    private static Task SecurityHeadersAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }

    private static async Task AdminGateAsync(HttpContext context, Func<Task> next, EmbeddedFileProvider files)
    {
        var gate = context.RequestServices.GetRequiredService<AdminGate>();
        if (await gate.IsOpenAsync(context.RequestAborted))
        {
            await next();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (context.Request.Path.StartsWithSegments(Base + "/api") || context.Request.Path.StartsWithSegments(Base + "/events"))
        {
            await context.Response.WriteAsJsonAsync(ConsoleTexts.Error(
                context, ConsoleTexts.ClosedNoAdmin, ("command", AdminGate.CreateAdminCommand)));
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.SendFileAsync(files.GetFileInfo("no-admin.html"));
    }
}
