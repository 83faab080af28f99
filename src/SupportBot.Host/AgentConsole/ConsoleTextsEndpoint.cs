using Microsoft.Extensions.Options;
using SupportBot.Core.Catalog;

namespace SupportBot.Host.AgentConsole;

/// <summary><c>GET /agent/api/texts?lang=zh-CN|en</c>: every <c>console.ui.*</c> text of
/// <c>dialogs/texts/console.yaml</c> in that language, and the time zone the console shows times in. Open before
/// sign-in (the sign-in page is translated too); it holds nothing but the page's own words.</summary>
internal static class ConsoleTextsEndpoint
{
    public const string Prefix = "console.ui.";

    public static void Map(RouteGroupBuilder open) => open.MapGet("/texts", (HttpContext http, DialogCatalog catalog, IOptions<AgentConsoleOptions> options) =>
    {
        var lang = ConsoleTexts.Language(http);
        var texts = catalog.Texts
            .Where(t => t.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(t => t.Key, t => t.Value.Get(lang), StringComparer.Ordinal);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(new ConsoleTextSet(lang, options.Value.TimeZone, texts));
    });
}

/// <summary>The page's words in one language, and the console's time zone.</summary>
public sealed record ConsoleTextSet(string Lang, string TimeZone, IReadOnlyDictionary<string, string> Texts);
