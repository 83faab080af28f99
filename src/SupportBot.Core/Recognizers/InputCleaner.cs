namespace SupportBot.Core.Recognizers;

/// <summary>Input hygiene shared by every text kind: full-width forms to ASCII, control and zero-width characters
/// removed, whitespace collapsed, trimmed. One pass, linear in the input.</summary>
public static class InputCleaner
{
    /// <summary>Cleans <paramref name="text"/>. Line breaks and tabs become spaces unless
    /// <paramref name="keepLineBreaks"/> (free text keeps its lines).</summary>
    public static string Clean(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Most messages are already clean; returning them as they are saves two builders and a copy per call.
        if (IsClean(text))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                // Full-width ASCII (０-９, Ａ-Ｚ, ：, ＠ …) as typed by Chinese input methods.
                c = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000')
            {
                c = ' ';
            }

            if (c == '\n' && keepLineBreaks)
            {
                sb.Append('\n');
                continue;
            }

            if (c is '\n' or '\r' or '\t' or '\v' or '\f' || char.IsWhiteSpace(c))
            {
                // \r\n from Windows clients must not count as two separators when lines are kept.
                if (!(keepLineBreaks && c == '\r'))
                {
                    sb.Append(' ');
                }

                continue;
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                // Zero-width spaces, BOM, bidi overrides and the like hide inside copy-pasted hashes.
                continue;
            }

            sb.Append(c);
        }

        return keepLineBreaks ? sb.ToString().Trim() : CollapseSpaces(sb);
    }

    /// <summary>Whether <see cref="Clean"/> would return <paramref name="text"/> unchanged in either mode: no
    /// character it maps or drops, and single spaces only between other characters.</summary>
    private static bool IsClean(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            previousSpace = false;
            if (c is > ' ' and < '\u007F')
            {
                continue;
            }

            if (c is < ' ' or (>= '\uFF01' and <= '\uFF5E') or '\u3000' || char.IsWhiteSpace(c) || char.IsControl(c)
                || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    private static string CollapseSpaces(System.Text.StringBuilder sb)
    {
        var result = new System.Text.StringBuilder(sb.Length);
        var pendingSpace = false;
        for (var i = 0; i < sb.Length; i++)
        {
            var c = sb[i];
            if (c == ' ')
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
