using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Seed phrases as users paste them: English and both Chinese lists, every way of writing them out,
/// alone and inside sentences.</summary>
internal static class SeedPhraseCorpus
{
    private static readonly string[] EnglishTemplates =
    [
        "{0}", "my seed phrase is {0} please help", "助记词：{0}，帮我看看钱包", "here are my words\n{0}\nthanks",
        "I can't open my wallet. Words: {0}. What should I do?", "钱包打不开了 {0} 怎么办", "{0}\n\nis this right?",
        "Recovery phrase below\n{0}", "support said to send this: {0} ok?", "我的助记词是 {0} 求助",
    ];

    private static readonly string[] ChineseTemplates =
    [
        "{0}", "我的助记词是{0}", "助记词：{0}", "帮我看看这个钱包 {0} 谢谢", "{0}\n钱包里的币不见了",
        "助记词 {0}，恢复不了钱包", "mnemonic: {0}", "这是我的钱包助记词\n{0}\n请帮我查一下",
    ];

    public static IEnumerable<CorpusCase> Build()
    {
        var fixtures = new SecretFixtures(39);
        foreach (var (_, words) in PublishedVectors)
        {
            var phrase = string.Join(' ', words);
            yield return CorpusCase.Positive(phrase, SecretKind.SeedPhrase, phrase);
            yield return CorpusCase.Positive($"is this my phrase? {phrase}", SecretKind.SeedPhrase, phrase);
        }

        for (var n = 0; n < 90; n++)
        {
            var words = fixtures.Phrase(Bip39Wordlists.English, n);
            var phrase = FormatEnglish(words, n % 9);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, EnglishTemplates[n % EnglishTemplates.Length], phrase);
            yield return CorpusCase.Positive(text, SecretKind.SeedPhrase, FromFirstWord(phrase, words));
        }

        // Runs of wordlist words without a valid checksum (a mistyped word, a made-up phrase) are still removed.
        for (var n = 0; n < 15; n++)
        {
            var phrase = string.Join(' ', fixtures.RandomWords(Bip39Wordlists.English, 12));
            yield return CorpusCase.Positive($"words: {phrase}", SecretKind.SeedPhrase, phrase);
        }

        for (var n = 0; n < 90; n++)
        {
            var list = n % 3 == 2 ? Bip39Wordlists.Traditional : Bip39Wordlists.Simplified;
            var words = fixtures.Phrase(list, n);
            var phrase = FormatChinese(words, n % 6);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, ChineseTemplates[n % ChineseTemplates.Length], phrase);
            yield return CorpusCase.Positive(text, SecretKind.SeedPhrase, FromFirstWord(phrase, words));
        }
    }

    /// <summary>Published BIP39 test vectors (entropy, English mnemonic).</summary>
    public static readonly (string Entropy, string[] Words)[] PublishedVectors =
    [
        ("00000000000000000000000000000000",
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about".Split(' ')),
        ("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
            "legal winner thank year wave sausage worth useful legal winner thank yellow".Split(' ')),
        ("80808080808080808080808080808080",
            "letter advice cage absurd amount doctor acoustic avoid letter advice cage above".Split(' ')),
        ("ffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong".Split(' ')),
        ("9e885d952ad362caeb4efe34a8e91bd2",
            "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic".Split(' ')),
        ("c0ba5a8e914111210f2bd131f3d5e08d",
            "scheme spot photo card baby mountain device kick cradle pact join borrow".Split(' ')),
        ("f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
            ("void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol "
                + "group space point ten exist slush involve unfold").Split(' ')),
    ];

    /// <summary>The phrase from its first word on: list numbering before it ("1. ") is no secret.</summary>
    private static string FromFirstWord(string phrase, string[] words) =>
        phrase[phrase.IndexOf(words[0], StringComparison.OrdinalIgnoreCase)..];

    private static string FormatEnglish(string[] words, int style) => style switch
    {
        0 => string.Join(' ', words),
        1 => string.Join(", ", words),
        2 => string.Join('\n', words),
        3 => string.Join(' ', words.Select((w, i) => $"{i + 1}. {w}")),
        4 => string.Join('\n', words.Select((w, i) => $"{i + 1}) {w}")),
        5 => string.Join(' ', words.Select((w, i) => $"#{i + 1} {w}")),
        6 => string.Join(' ', words.Select((w, i) => i % 2 == 0 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..])),
        7 => string.Join(',', words),
        _ => string.Join("  ", words.Take(words.Length / 2)) + "\n" + string.Join("  ", words.Skip(words.Length / 2)),
    };

    private static string FormatChinese(string[] words, int style) => style switch
    {
        0 => string.Concat(words),
        1 => string.Join(' ', words),
        2 => string.Join('，', words),
        3 => string.Join(' ', words.Select((w, i) => $"{i + 1}.{w}")),
        4 => string.Join('\n', words),
        _ => string.Join('、', words),
    };
}
