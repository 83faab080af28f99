namespace SupportBot.Core.Catalog;

/// <summary>A text in every supported locale. The loader guarantees every locale is present.</summary>
public sealed class LocalizedText
{
    private readonly IReadOnlyDictionary<string, string> _byLocale;

    /// <summary>Creates a text from locale → text pairs.</summary>
    public LocalizedText(IReadOnlyDictionary<string, string> byLocale) => _byLocale = byLocale;

    /// <summary>The locales this text has.</summary>
    public IEnumerable<string> Locales => _byLocale.Keys;

    /// <summary>The text in <paramref name="locale"/>, or in English when that locale is missing.</summary>
    public string Get(string locale) =>
        _byLocale.TryGetValue(locale, out var text) ? text
        : _byLocale.TryGetValue(Catalog.Locales.Supported.English, out var en) ? en
        : _byLocale.Values.First();

    /// <summary>The text with <c>{name}</c> placeholders replaced.</summary>
    public string Format(string locale, params (string Name, string Value)[] args)
    {
        var text = Get(locale);
        foreach (var (name, value) in args)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
