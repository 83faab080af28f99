namespace SupportBot.Screenshots.Reading;

/// <summary>The BIP39 wordlists (English, Simplified and Traditional Chinese), read from the ones the Core scanner
/// embeds, so both sides always agree on the words.</summary>
internal static class Bip39Words
{
    private static readonly Lazy<HashSet<string>> Words = new(() =>
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in (string[])["english", "chinese_simplified", "chinese_traditional"])
        {
            var assembly = typeof(Core.Safety.SecretScanner).Assembly;
            using var stream = assembly.GetManifestResourceStream($"SupportBot.Core.Safety.Wordlists.{list}.txt")
                ?? throw new InvalidOperationException("The scanner's BIP39 wordlist " + list + " is not embedded.");
            using var reader = new StreamReader(stream);
            foreach (var word in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words.Add(word);
            }
        }

        return words;
    });

    /// <summary>Whether <paramref name="word"/> is in one of the lists.</summary>
    public static bool Contains(string word) => Words.Value.Contains(word);
}
