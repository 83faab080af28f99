namespace SupportBot.Core.Engine;

/// <summary>Normalization for matching user text against words from the dialog files.</summary>
public static class TextMatching
{
    /// <summary>Lower-cases, trims, folds full-width ASCII to half-width, collapses whitespace and drops trailing
    /// punctuation, so "  Cancel！" and "cancel" compare equal. Returns "" for long texts (commands are short).</summary>
    public static string NormalizeCommand(string text)
    {
        if (text.Length > 64)
        {
            return "";
        }

        Span<char> buffer = stackalloc char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c < 128 ? c : char.ToLowerInvariant(c);
        }

        // "cancel !" leaves the space before the "!" behind once the "!" is gone: drop both.
        while (length > 0 && (IsTrailingPunctuation(buffer[length - 1]) || buffer[length - 1] == ' '))
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    /// <summary>Lower-cases ASCII letters only. Keywords are English or Chinese (which has no case), and this avoids
    /// the culture machinery of <see cref="string.ToLowerInvariant()"/> on every message.</summary>
    public static string LowerAscii(string text) =>
        // Text without capitals needs no copy.
        text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0 ? text : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });

    /// <summary>Whether the text is in Chinese script (any CJK ideograph).</summary>
    public static bool HasCjk(string text)
    {
        foreach (var c in text)
        {
            if (Safety.TextChars.IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text has at least <paramref name="count"/> Latin letters (so it is probably English).</summary>
    public static bool HasLatinWords(string text, int count)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' && ++letters >= count)
            {
                return true;
            }
        }

        return false;
    }

    // Chinese question words and particles, anywhere in the text.
    private static readonly string[] ChineseQuestionCues =
        ["吗", "什么", "怎么", "如何", "哪里", "哪儿", "多久", "多长时间", "为什么", "为啥", "咋", "能不能", "可不可以", "是不是", "几个", "多少"];

    // English question words, as whole words anywhere ("hey how long does it take" has no question mark).
    private static readonly string[] EnglishQuestionWords = ["what", "whats", "what's", "how", "where", "why", "when", "which", "can", "does", "do", "is"];

    /// <summary>Whether the text reads like a question rather than an answer: a question mark, a Chinese question
    /// word, or an English one (as the first word, or "how"/"why"/"what"/"where"/"when" anywhere).</summary>
    public static bool LooksLikeQuestion(string text)
    {
        if (text.Contains('?', StringComparison.Ordinal) || text.Contains('？', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var cue in ChineseQuestionCues)
        {
            if (text.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var first = true;
        foreach (var word in text.Split([' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var anywhere = word.Equals("how", StringComparison.OrdinalIgnoreCase) || word.Equals("why", StringComparison.OrdinalIgnoreCase)
                || word.Equals("what", StringComparison.OrdinalIgnoreCase) || word.Equals("where", StringComparison.OrdinalIgnoreCase)
                || word.Equals("when", StringComparison.OrdinalIgnoreCase);
            if (anywhere || (first && EnglishQuestionWords.Contains(word, StringComparer.OrdinalIgnoreCase)))
            {
                return true;
            }

            first = false;
        }

        return false;
    }

    private static bool IsTrailingPunctuation(char c) =>
        c is '.' or '!' or '?' or ',' or ';' or '~' or '。' or '！' or '？' or '，' or '；' or '～' or '…';
}
