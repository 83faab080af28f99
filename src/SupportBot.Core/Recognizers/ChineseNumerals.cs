namespace SupportBot.Core.Recognizers;

/// <summary>Chinese numerals as users type them: 一 … 九, 十, 两, 零/〇, 百, 千, 万, 亿 ("二十", "十五", "两千五百",
/// "二〇二五").</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Whether <paramref name="c"/> can be part of a Chinese numeral.</summary>
    public static bool IsNumeralChar(char c) =>
        Digits.Contains(c, StringComparison.Ordinal) || c is '〇' or '两' or '十' or '百' or '千' or '万' or '亿';

    /// <summary>Parses a whole Chinese numeral; false when it is not one.</summary>
    public static bool TryParse(string text, out long value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        if (text.Length == 0 || text.Length > 24 || !text.All(IsNumeralChar))
        {
            return false;
        }

        if (!text.Any(c => c is '十' or '百' or '千' or '万' or '亿'))
        {
            // Digit by digit: "二〇二五" = 2025.
            foreach (var c in text)
            {
                value = (value * 10) + DigitOf(c);
            }

            return true;
        }

        long total = 0;
        long section = 0;
        long digit = -1;
        foreach (var c in text)
        {
            var d = DigitOf(c);
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            switch (c)
            {
                case '十' or '百' or '千':
                    var unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                    section += (digit < 0 ? 1 : digit) * unit;
                    break;
                case '万' or '亿':
                    var big = c == '万' ? 10_000L : 100_000_000L;
                    total = (total + section + Math.Max(digit, 0)) * big;
                    section = 0;
                    break;
                default:
                    return false;
            }

            digit = -1;
        }

        value = total + section + Math.Max(digit, 0);
        return true;
    }

    private static int DigitOf(char c) => c switch
    {
        '〇' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c, StringComparison.Ordinal),
    };
}
