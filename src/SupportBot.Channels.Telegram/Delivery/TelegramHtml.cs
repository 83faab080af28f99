using System.Text;

namespace SupportBot.Channels.Telegram.Delivery;

/// <summary>Telegram's HTML parse mode: everything we did not write ourselves is escaped, and long texts are cut
/// into messages of at most <see cref="MaxMessageLength"/> characters (counted before escaping, as Telegram counts
/// after parsing), preferably at a line break or a space and never inside a surrogate pair.</summary>
internal static class TelegramHtml
{
    public const int MaxMessageLength = 4096;

    /// <summary>Escapes <c>&lt; &gt; &amp;</c> (and quotes, for attributes).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("<>&\"") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> into pieces of at most <paramref name="max"/> characters.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf('\n');
            if (cut < max / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < max / 2)
            {
                cut = max;
                if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
            {
                parts.Add(piece.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}
