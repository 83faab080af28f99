using System.Reflection;

namespace SupportBot.Core.Safety;

/// <summary>The three BIP39 wordlists the guard recognises, loaded once from the embedded resources.</summary>
internal static class Bip39Wordlists
{
    private const string ResourcePrefix = "SupportBot.Core.Safety.Wordlists.";

    /// <summary>The English words in index order.</summary>
    public static readonly string[] English = Load("english");

    /// <summary>The Simplified Chinese words (one character each) in index order.</summary>
    public static readonly string[] Simplified = Load("chinese_simplified");

    /// <summary>The Traditional Chinese words (one character each) in index order.</summary>
    public static readonly string[] Traditional = Load("chinese_traditional");

    private static readonly Dictionary<ulong, int> EnglishIndex = BuildIndex(English, 0);

    // BIP39 English words are unique in their first four letters, so a four-letter prefix names one word; wallets
    // accept the abbreviation and users type it.
    private static readonly Dictionary<ulong, int> EnglishPrefixIndex = BuildIndex(English, 4);

    // Which two-letter beginnings any English word has (26 x 26): most ordinary words are rejected before hashing.
    private static readonly bool[] EnglishStarts = BuildStarts(English);

    // Direct tables over the BMP: one array read per character keeps the Chinese scan at memory speed.
    private static readonly short[] SimplifiedTable = BuildTable(Simplified);
    private static readonly short[] TraditionalTable = BuildTable(Traditional);

    /// <summary>The index of an English word (any case), or -1.</summary>
    public static int EnglishWord(ReadOnlySpan<char> word) =>
        word.Length is >= 3 and <= 8 && HasEnglishStart(word)
            && EnglishIndex.TryGetValue(EnglishWordKey.Pack(word), out var i)
            ? i
            : -1;

    /// <summary>The index of the English word that <paramref name="word"/> abbreviates or misspells after its
    /// fourth letter (its first four letters are a word's), or -1.</summary>
    public static int EnglishPrefix(ReadOnlySpan<char> word) =>
        word.Length is >= 4 and <= 10 && HasEnglishStart(word)
            && EnglishPrefixIndex.TryGetValue(EnglishWordKey.Pack(word[..4]), out var i)
            ? i
            : -1;

    /// <summary>The Simplified Chinese index of <paramref name="c"/>, or -1.</summary>
    public static int SimplifiedChar(char c) => SimplifiedTable[c];

    /// <summary>The Traditional Chinese index of <paramref name="c"/>, or -1.</summary>
    public static int TraditionalChar(char c) => TraditionalTable[c];

    private static bool HasEnglishStart(ReadOnlySpan<char> word)
    {
        var first = (uint)((word[0] | 0x20) - 'a');
        var second = (uint)((word[1] | 0x20) - 'a');
        return first < 26 && second < 26 && EnglishStarts[(first * 26) + second];
    }

    private static bool[] BuildStarts(string[] words)
    {
        var starts = new bool[26 * 26];
        foreach (var word in words)
        {
            starts[((word[0] - 'a') * 26) + (word[1] - 'a')] = true;
        }

        return starts;
    }

    private static string[] Load(string name)
    {
        var assembly = typeof(Bip39Wordlists).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name + ".txt")
            ?? throw new InvalidOperationException($"The wordlist resource '{name}' is missing from {assembly}.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(2048);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line.Trim());
            }
        }

        return words.Count == 2048
            ? [.. words]
            : throw new InvalidOperationException($"The wordlist '{name}' has {words.Count} words, not 2048.");
    }

    private static Dictionary<ulong, int> BuildIndex(string[] words, int prefixLength)
    {
        var index = new Dictionary<ulong, int>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var key = prefixLength > 0 && words[i].Length > prefixLength ? words[i][..prefixLength] : words[i];
            index.TryAdd(EnglishWordKey.Pack(key), i);
        }

        return index;
    }

    private static short[] BuildTable(string[] words)
    {
        var table = new short[char.MaxValue + 1];
        Array.Fill(table, (short)-1);
        for (var i = 0; i < words.Length; i++)
        {
            table[words[i][0]] = (short)i;
        }

        return table;
    }
}
