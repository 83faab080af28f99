namespace SupportBot.Core.Catalog;

/// <summary>The locales every user-facing text is written in.</summary>
public static class Locales
{
    /// <summary>Locale ids.</summary>
    public static class Supported
    {
        /// <summary>Simplified Chinese.</summary>
        public const string Chinese = "zh-CN";

        /// <summary>English.</summary>
        public const string English = "en";
    }

    /// <summary>All supported locales, in the order menus list them.</summary>
    public static readonly IReadOnlyList<string> All = [Supported.Chinese, Supported.English];

    /// <summary>Maps a channel's locale hint (zh, zh-Hans, zh-TW, en-US …) to a supported locale, or null.</summary>
    public static string? FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        if (hint.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return Supported.Chinese;
        }

        return hint.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Supported.English : null;
    }
}
