using System.Text;

namespace SupportBot.Channels.Discord;

/// <summary>Discord markdown: escaping what users (and agents) typed so it shows as typed, and splitting long text
/// at Discord's 2000-character limit.</summary>
public static class DiscordMarkdown
{
    /// <summary>Discord's limit on a message's <c>content</c>.</summary>
    public const int MaxLength = 2000;

    private const string Special = "\\*_~`|><[]()#-@";

    /// <summary>Puts a backslash before every character Discord's markdown would act on, so the text shows literally
    /// (links, headers, spoilers, code, quotes, mentions are not formed).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Splits <paramref name="text"/> into parts of at most <paramref name="max"/> characters, preferring a
    /// line break, then a space; never between a backslash and the character it escapes, nor inside a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
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
                while (cut > 1 && (char.IsHighSurrogate(rest[cut - 1]) || EndsInLoneEscape(rest[..cut])))
                {
                    cut--;
                }
            }

            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static bool EndsInLoneEscape(ReadOnlySpan<char> text)
    {
        var backslashes = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
