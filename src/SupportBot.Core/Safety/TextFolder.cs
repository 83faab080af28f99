namespace SupportBot.Core.Safety;

/// <summary>Undoes the disguises a secret may wear so the detectors see plain ASCII: full-width Latin letters and
/// digits (what a Chinese IME types; their NFKC form), Cyrillic and Greek letters that look like Latin ones, and
/// invisible characters (zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen) inside or between
/// words. One pass; the fold keeps, for every character, the index of the original one, so findings map back to
/// the text the user sent. Text without such characters (nearly all) is not copied.</summary>
internal static class TextFolder
{
    private static readonly char[] LookAlikes = BuildLookAlikes();

    /// <summary>Whether <paramref name="text"/> holds anything to fold, and whether invisible characters are among
    /// them (then the caller also scans a fold that reads them as spaces: between two words they separate them).</summary>
    public static bool NeedsFolding(string text, out bool hasInvisible)
    {
        var needs = false;
        hasInvisible = false;
        foreach (var c in text)
        {
            if (c < '\u00AD')
            {
                continue;
            }

            if (IsInvisible(c))
            {
                needs = hasInvisible = true;
            }
            else if (Fold(c) != c)
            {
                needs = true;
            }
        }

        return needs;
    }

    /// <summary>The folded text and, per folded character, its index in <paramref name="text"/>. Invisible characters
    /// are dropped, or read as spaces when <paramref name="invisibleAsSpace"/>.</summary>
    public static string Fold(string text, bool invisibleAsSpace, out int[] map)
    {
        var chars = new char[text.Length];
        map = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                if (!invisibleAsSpace)
                {
                    continue;
                }

                c = ' ';
            }

            chars[n] = Fold(c);
            map[n++] = i;
        }

        Array.Resize(ref map, n);
        return new string(chars, 0, n);
    }

    /// <summary>Maps a finding in the folded text back to the original text.</summary>
    public static SecretFinding MapBack(SecretFinding finding, int[] map)
    {
        var start = map[finding.Start];
        var end = map[finding.Start + finding.Length - 1] + 1;
        return finding with { Start = start, Length = end - start };
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static char Fold(char c)
    {
        if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
        {
            return (char)(c - 0xFEE0);
        }

        return c is >= '\u0370' and <= '\u052F' && LookAlikes[c - '\u0370'] != '\0' ? LookAlikes[c - '\u0370'] : c;
    }

    private static char[] BuildLookAlikes()
    {
        var table = new char['\u052F' - '\u0370' + 1];
        void Map(string from, string to)
        {
            for (var k = 0; k < from.Length; k++)
            {
                table[from[k] - '\u0370'] = to[k];
            }
        }

        // Cyrillic: а е о р с у х і ј ѕ ԁ һ and capitals А В Е К М Н О Р С Т Х І Ј Ѕ.
        Map("аеорсухіјѕһԁ", "aeopcyxijshd");
        Map("АВЕКМНОРСТХІЈЅ", "ABEKMHOPCTXIJS");
        // Greek: ο α ε ι κ ν ρ τ υ χ and capitals Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ.
        Map("οαεικνρτυχ", "oaeiknptux");
        Map("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX");
        return table;
    }
}
