namespace SupportBot.Core.Recognizers.Time;

/// <summary>Splits a cleaned time answer into numbers, words and symbols. Chinese keywords are matched longest first
/// ("前天" before "前"); Chinese numerals become numbers. One pass over the text.</summary>
internal static class TimeLexer
{
    private static readonly string[] Keywords =
    [
        "大前天", "前天", "明天", "后天", "明早", "明晚", "昨天", "昨日", "今天", "今日", "昨晚", "昨夜", "今早",
        "今晨", "今晚", "凌晨", "早上", "早晨", "清晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "夜间", "半夜",
        "深夜", "刚才", "刚刚", "点钟", "分钟", "秒钟", "小时", "钟头", "以前", "之前", "时候", "左右", "大概", "大约",
        "年", "月", "日", "号", "点", "时", "分", "秒", "半", "刻", "整", "个", "天", "前", "刚", "早", "晚",
    ];

    private const string NumeralChars = "零〇一二三四五六七八九十两";

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static List<TimeToken> Lex(string text)
    {
        // Tokens never outnumber characters; a small bound avoids the list's repeated growth.
        var tokens = new List<TimeToken>(Math.Min(text.Length, 16));
        var i = 0;
        var space = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                var digits = text[start..i];
                var value = digits.Length <= 9
                    ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
                    : -1;
                tokens.Add(new TimeToken(TimeTokenKind.Number, digits, value, digits.Length, start, space));
            }
            else if (char.IsAsciiLetter(c))
            {
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new TimeToken(TimeTokenKind.Word, text[start..i].ToLowerInvariant(), -1, 0, start, space));
            }
            else if (NumeralChars.Contains(c, StringComparison.Ordinal))
            {
                while (i < text.Length && NumeralChars.Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                var numeral = text[start..i];
                var value = ChineseNumerals.TryParse(numeral, out var v) && v < 10_000 ? (int)v : -1;
                tokens.Add(new TimeToken(TimeTokenKind.Number, numeral, value, 0, start, space));
            }
            else if (KeywordAt(text, i) is { } keyword)
            {
                i += keyword.Length;
                tokens.Add(new TimeToken(TimeTokenKind.Word, keyword, -1, 0, start, space));
            }
            else
            {
                i++;
                tokens.Add(new TimeToken(TimeTokenKind.Symbol, c.ToString(), -1, 0, start, space));
            }

            space = false;
        }

        return tokens;
    }

    private static string? KeywordAt(string text, int i)
    {
        foreach (var keyword in Keywords)
        {
            if (string.CompareOrdinal(text, i, keyword, 0, keyword.Length) == 0)
            {
                return keyword;
            }
        }

        return null;
    }
}
