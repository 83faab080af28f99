using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SupportBot.Channels.WebChat;

/// <summary>The web chat pages: our widget (<c>/</c> full page, <c>/widget.js</c> for embedding) and
/// <c>/webchat-ms</c>, Microsoft's unmodified Web Chat bundle pointed at this host's Direct Line endpoint.</summary>
public static class WidgetEndpoints
{
    private const string Html = "text/html; charset=utf-8";
    private const string Script = "text/javascript; charset=utf-8";

    // Our pages run no inline script and load nothing from elsewhere; the widget's shadow root has its own <style>.
    private const string PageSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Maps the pages; nothing when <c>DirectLine:Enabled</c> is false.</summary>
    public static IEndpointRouteBuilder MapWebChatPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue($"{DirectLineOptions.SectionName}:Enabled", true))
        {
            return endpoints;
        }

        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var options = new WebChatPagesOptions();
        configuration.GetSection(WebChatPagesOptions.SectionName).Bind(options);
        var folder = FindFolder(environment.ContentRootPath);
        var bundle = Path.GetFullPath(options.MicrosoftBundlePath, environment.ContentRootPath);

        endpoints.MapGet("/", (HttpContext http) => Page(http, folder, "index.html")).ExcludeFromDescription();
        endpoints.MapGet("/widget.js", (HttpContext http) => Serve(http, folder, "widget.js", Script))
            .ExcludeFromDescription();
        endpoints.MapGet("/webchat-ms", (HttpContext http) => Serve(http, folder, "webchat-ms.html", Html))
            .ExcludeFromDescription();
        endpoints.MapGet("/webchat-ms.js", (HttpContext http) => Serve(http, folder, "webchat-ms.js", Script))
            .ExcludeFromDescription();
        endpoints.MapGet("/webchat-ms/webchat.js", (HttpContext http, ILoggerFactory loggers) =>
        {
            if (File.Exists(bundle))
            {
                return Fresh(http, TypedResults.PhysicalFile(bundle, Script, enableRangeProcessing: false));
            }

            loggers.CreateLogger(typeof(WidgetEndpoints)).LogWarning(
                "Microsoft's Web Chat bundle is missing at {Path}: run tests/fetch-webchat.sh", bundle);
            return TypedResults.Text("/* Web Chat bundle missing: run tests/fetch-webchat.sh */", Script,
                statusCode: StatusCodes.Status404NotFound);
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Page(HttpContext http, string folder, string name)
    {
        http.Response.Headers.ContentSecurityPolicy = PageSecurityPolicy;
        return Serve(http, folder, name, Html);
    }

    private static IResult Serve(HttpContext http, string folder, string name, string contentType) =>
        Fresh(http, TypedResults.PhysicalFile(Path.Combine(folder, name), contentType, enableRangeProcessing: false));

    // Revalidated on every load (ETag/Last-Modified answer 304), so a new widget reaches embedding sites at once.
    private static IResult Fresh(HttpContext http, IResult result)
    {
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return result;
    }

    // The build copies wwwroot/ into the program folder as webchat-wwwroot/; a source checkout without that copy
    // (a test host started with another output folder) falls back to the project's own folder.
    private static string FindFolder(string contentRoot)
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "webchat-wwwroot"),
            Path.Combine(contentRoot, "webchat-wwwroot"),
            Path.Combine(contentRoot, "src", "SupportBot.Channels.WebChat", "wwwroot"),
        };
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "widget.js")))
            ?? throw new InvalidOperationException(
                "The web chat files (widget.js) were not found in: " + string.Join(", ", candidates));
    }
}
