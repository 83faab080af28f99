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
