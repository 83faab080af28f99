using SupportBot.Core.Catalog;

namespace SupportBot.Host.AgentConsole;

/// <summary>What the console's endpoints say, from <c>dialogs/texts/console.yaml</c> (keys <c>console.*</c>), in
/// the language the page asks in: the <c>lang</c> query value, else the <c>X-Console-Lang</c> header the page sends
/// with every call, else English.</summary>
internal static class ConsoleTexts
{
    public const string LanguageHeader = "X-Console-Lang";

    public const string ClosedNoAdmin = "console.error.closed";
    public const string SignInFailed = "console.error.signInFailed";
    public const string TooManySignIns = "console.error.tooManySignIns";
    public const string Csrf = "console.error.csrf";
    public const string PasswordChangeRequired = "console.error.passwordChangeRequired";
    public const string PasswordWrong = "console.error.passwordWrong";
    public const string PasswordTooShort = "console.error.passwordTooShort";
    public const string PasswordSame = "console.error.passwordSame";
    public const string AdminOnly = "console.error.adminOnly";
    public const string NoSuchAgent = "console.error.noSuchAgent";
    public const string NotYourself = "console.error.notYourself";
    public const string UnknownStatus = "console.error.unknownStatus";
    public const string UnknownPriority = "console.error.unknownPriority";
    public const string UnknownScope = "console.error.unknownScope";
    public const string NoAttachment = "console.error.noAttachment";
    public const string AlreadyClaimed = "console.error.alreadyClaimed";
    public const string NotSent = "console.error.notSent";
    public const string NotPossible = "console.error.notPossible";
    public const string NoTicket = "console.error.noTicket";
    public const string SearchTooShort = "console.error.searchTooShort";
    public const string AiOff = "console.error.aiOff";
    public const string NoDraft = "console.error.noDraft";

    /// <summary>Every key the C# side uses (a test checks each exists in both languages).</summary>
    public static readonly IReadOnlyList<string> ServerKeys =
    [
        ClosedNoAdmin, SignInFailed, TooManySignIns, Csrf, PasswordChangeRequired, PasswordWrong, PasswordTooShort,
        PasswordSame, AdminOnly, NoSuchAgent, NotYourself, UnknownStatus, UnknownPriority, UnknownScope, NoAttachment,
        AlreadyClaimed, NotSent, NotPossible, NoTicket, SearchTooShort, AiOff, NoDraft,
    ];

    /// <summary>The page's language for this request.</summary>
    public static string Language(HttpContext http, string? lang = null) =>
        Locales.FromHint(lang)
        ?? Locales.FromHint(http.Request.Query["lang"].ToString())
        ?? Locales.FromHint(http.Request.Headers[LanguageHeader].ToString())
        ?? Locales.Supported.English;

    /// <summary>The text with <paramref name="key"/> in the request's language, placeholders filled.</summary>
    public static string Say(HttpContext http, string key, params (string Name, string Value)[] args) =>
        http.RequestServices.GetRequiredService<DialogCatalog>().Text(key).Format(Language(http), args);

    /// <summary>A refusal in the request's language.</summary>
    public static ConsoleError Error(HttpContext http, string key, params (string Name, string Value)[] args) =>
        new(Say(http, key, args));
}
