using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.AgentConsole;

/// <summary>Registers agent accounts (for the command line and the console) and the console's web parts.</summary>
public static class AgentConsoleServices
{
    /// <summary>The console's authentication scheme (a cookie), named so it never becomes another feature's default.</summary>
    public const string Scheme = "AgentConsole";

    /// <summary>Options and the password hasher; the agent store comes from storage.</summary>
    public static IHostApplicationBuilder AddAgentAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = builder.Environment;
        builder.Services.AddOptions<AgentConsoleOptions>()
            .BindConfiguration(AgentConsoleOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => o.PasswordIterations >= PasswordHasher.DefaultIterations
                    || environment.IsEnvironment(AgentConsoleOptions.TestingEnvironment),
                $"AgentConsole:PasswordIterations must be at least {PasswordHasher.DefaultIterations} (lower only in the Testing environment).")
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(o.TimeZone))
                {
                    o.TimeZone = configuration["Bot:TimeZone"] is { Length: > 0 } zone ? zone : "Asia/Shanghai";
                }
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<AgentConsoleOptions>, AgentConsoleOptionsValidator>());
        builder.Services.AddSingleton(sp => new PasswordHasher(sp.GetRequiredService<IOptions<AgentConsoleOptions>>().Value.PasswordIterations));
        return builder;
    }

    /// <summary>Everything the console at <c>/agent</c> needs: accounts, cookie sign-in, CSRF tokens, the sign-in
    /// throttle, the admin check and the live feed of ticket changes.</summary>
    public static WebApplicationBuilder AddAgentConsole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAgentAccounts();
        var services = builder.Services;
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = ".SupportBot.Agent";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/agent";
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // An API answers 401/403; the page shows its own sign-in form.
                OnRedirectToLogin = c => SetStatus(c.Response, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = c => SetStatus(c.Response, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = AgentPrincipal.ValidateAsync,
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<AgentConsoleOptions>>((cookie, console) =>
                cookie.ExpireTimeSpan = TimeSpan.FromHours(console.Value.SessionHours));
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AgentCsrf.HeaderName;
            o.Cookie.Name = ".SupportBot.Agent.Csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/agent";
        });
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AdminGate>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminGate>());
        services.AddSingleton<ConsoleNotices>();
        services.AddSingleton<ConsoleTicketFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleTicketFeed>());
        return builder;
    }

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
