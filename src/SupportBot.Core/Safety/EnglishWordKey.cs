namespace SupportBot.Core.Safety;

/// <summary>Packs an ASCII word of up to 12 letters into a number (5 bits a letter, case folded), so wordlist lookups
/// hash one integer instead of a string: the English scan looks up every word of every message.</summary>
internal static class EnglishWordKey
{
    /// <summary>The longest word that fits.</summary>
    public const int MaxLength = 12;

    /// <summary>The key of <paramref name="word"/>, or 0 when it is empty, too long or not all ASCII letters.</summary>
    public static ulong Pack(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return 0;
        }

        ulong key = 0;
        foreach (var c in word)
        {
            var letter = (uint)((c | 0x20) - 'a');
            if (letter > 'z' - 'a')
            {
                return 0;
            }

            key = (key << 5) | (letter + 1);
        }

        return key;
    }
}
