using SupportBot.Core.Codecs;

namespace SupportBot.Core.Safety;

/// <summary>Character classes the detectors share. Hand-written tests instead of regular expressions keep every scan
/// linear and allocation-free.</summary>
internal static class TextChars
{
    /// <summary>A-Z or a-z.</summary>
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>0-9.</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>0-9, A-Z or a-z.</summary>
    public static bool IsAsciiLetterOrDigit(char c) => IsDigit(c) || IsAsciiLetter(c);

    /// <summary>0-9, a-f, A-F.</summary>
    public static bool IsHex(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    /// <summary>A CJK ideograph (the unified block, extension A and the compatibility block).</summary>
    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    /// <summary>Lower-cases ASCII letters only: cues and wordlists are ASCII, and culture rules must not apply.</summary>
    public static char LowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    /// <summary>Characters that may sit between the words of a written-out seed phrase: spaces, commas, full stops,
    /// list numbering ("1.", "2)", "#3", "(4)", "[5]"), dashes, quotes and their full-width Chinese forms.</summary>
    public static bool IsPhraseSeparator(char c) =>
        char.IsWhiteSpace(c) || IsDigit(c) || c is ',' or '.' or ';' or ':' or ')' or '(' or '#' or '-' or '[' or ']'
            or '"' or '\'' or '|' or '/' or '，' or '、' or '。' or '；' or '：' or '）' or '（' or '“' or '”' or '·'
            or '　';

    /// <summary>Sentence and clause punctuation, both Western and full-width.</summary>
    public static bool IsClausePunctuation(char c) =>
        c is '.' or ',' or '!' or '?' or ';' or '，' or '。' or '！' or '？' or '；' or '\n' or '\r';

    /// <summary>The base58 alphabet (no 0, O, I, l).</summary>
    public static bool IsBase58(char c) =>
        c switch
        {
            >= '1' and <= '9' => true,
            >= 'A' and <= 'Z' => c is not 'I' and not 'O',
            >= 'a' and <= 'z' => c is not 'l',
            _ => false,
        };
}
