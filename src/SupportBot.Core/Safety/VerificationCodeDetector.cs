namespace SupportBot.Core.Safety;

/// <summary>Finds 2FA, SMS and e-mail codes: 4 to 8 digits ("123456", "123 456") near a word that names a code, or a
/// message that is only such a number right after a code was mentioned. Years, times, dates, amounts and numbers
/// labelled as UID, order or error code are left alone.</summary>
internal static class VerificationCodeDetector
{
    // How far before the number a code word may stand ("谷歌验证码是：", "my 2FA code is ").
    private const int CueWindow = 24;

    // How far after the number ("123456 是验证码").
    private const int TrailingWindow = 8;

    private static readonly string[] Units =
    [
        "usdt", "usdc", "usd", "u", "btc", "eth", "trx", "bnb", "sol", "cny", "rmb", "dollars", "min", "mins",
        "minutes", "hours", "hrs", "days", "sec", "seconds", "times", "pcs", "coins", "tokens", "am", "pm", "yuan",
        "xrp", "doge", "ton", "ltc",
    ];

    // Characters after a number that make it a date, time, amount or count ("2025年", "10点", "1000元", "3次").
    private static readonly System.Buffers.SearchValues<char> UnitCharacters =
        System.Buffers.SearchValues.Create("年月日号號点點时時分秒元块塊个個次天周位条條笔筆枚张張万萬千刀美");

    /// <summary>Adds the codes in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, ScanContext context, CueIndex cues, List<SecretFinding> findings)
    {
        if (context.CodeRecentlyMentioned && IsLoneCode(text, out var loneStart, out var loneEnd))
        {
            findings.Add(new SecretFinding(SecretKind.VerificationCode, loneStart, loneEnd - loneStart));
            return;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!TextChars.IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = ReadGroups(text, ref i);
            if (digits is >= 4 and <= 8 && !LooksLikeOtherNumber(text, start, i)
                && IsNamedCode(text, start, i, digits, cues))
            {
                findings.Add(new SecretFinding(SecretKind.VerificationCode, start, i - start));
            }
        }
    }

    /// <summary>Whether the text talks about a code (a code word not part of "error code" and the like).</summary>
    public static bool MentionsCode(CueIndex cues)
    {
        var notCodeEnd = -1;
        foreach (var hit in cues.Hits)
        {
            if (hit.Is(CueKind.NotCodeLabel))
            {
                notCodeEnd = Math.Max(notCodeEnd, hit.End);
            }
            else if (hit.Is(CueKind.CodeLabel) && hit.Start >= notCodeEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a digit run at <paramref name="i"/>, joining "123 456" and "1234 5678" (codes as apps show
    /// them); returns the digit count and leaves <paramref name="i"/> after the number.</summary>
    private static int ReadGroups(string text, ref int i)
    {
        var first = SkipDigits(text, ref i);
        if (first is 3 or 4 && i + 1 < text.Length && text[i] is ' ' or '-' && TextChars.IsDigit(text[i + 1]))
        {
            var probe = i + 1;
            var second = SkipDigits(text, ref probe);
            if (second == first && (text[i] == ' ' || first == 3))
            {
                i = probe;
                return first + second;
            }
        }

        return first;
    }

    private static int SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && TextChars.IsDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool IsNamedCode(string text, int start, int end, int digits, CueIndex cues)
    {
        // "my 2FA stopped working in 2025": a year counts only right after the code word.
        var yearLike = digits == 4 && IsYear(text, start);
        var cue = cues.LastEndingWithin(CueKind.CodeLabel | CueKind.NotCodeLabel, start - CueWindow, start);
        if (cue is { } c)
        {
            return !c.Is(CueKind.NotCodeLabel) && !CrossesSentence(text, c.End, start, clausesToo: false)
                && !(yearLike && start - c.End > 4);
        }

        return !yearLike
            && cues.FirstStartingWithin(CueKind.CodeLabel | CueKind.NotCodeLabel, end, end + TrailingWindow) is { } next
            && next.Is(CueKind.CodeLabel) && !next.Is(CueKind.NotCodeLabel)
            && !CrossesSentence(text, end, next.Start, clausesToo: true);
    }

    private static bool CrossesSentence(string text, int from, int to, bool clausesToo)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] is '。' or '！' or '？' or '!' or '?' or '\n' or '；' or ';'
                || (clausesToo && text[k] is ',' or '，' or '、')
                || (text[k] == '.' && k + 1 < text.Length && char.IsWhiteSpace(text[k + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYear(string text, int start)
    {
        var year = ((text[start] - '0') * 1000) + ((text[start + 1] - '0') * 100) + ((text[start + 2] - '0') * 10)
            + (text[start + 3] - '0');
        return year is >= 1990 and <= 2099;
    }

    /// <summary>Amounts, times, dates, decimals, identifiers glued to letters, money and percentages.</summary>
    private static bool LooksLikeOtherNumber(string text, int start, int end)
    {
        if (start > 0)
        {
            var p = text[start - 1];
            if (TextChars.IsAsciiLetter(p) || p is '$' or '¥' or '￥' or '#' or '+' or '@' or '€' or '_'
                || (p is '.' or ',' or ':' or '/' or '-' or '：' && start > 1 && TextChars.IsDigit(text[start - 2])))
            {
                return true;
            }
        }

        if (end >= text.Length)
        {
            return false;
        }

        var n = text[end];
        if (TextChars.IsAsciiLetter(n) || n is '%' or '％' or '_' or '@'
            || (n is '.' or ',' or ':' or '/' or '-' or '：' && end + 1 < text.Length && TextChars.IsDigit(text[end + 1]))
            || UnitCharacters.Contains(n))
        {
            return true;
        }

        var k = end;
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        return k > end && IsUnit(text, k);
    }

    private static bool IsUnit(string text, int at)
    {
        var wordEnd = at;
        while (wordEnd < text.Length && TextChars.IsAsciiLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd == at)
        {
            return at < text.Length && UnitCharacters.Contains(text[at]);
        }

        var word = text.AsSpan(at, wordEnd - at);
        foreach (var unit in Units)
        {
            if (word.Equals(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole message is a code: digits in at most three groups, 4 to 8 in all, nothing else but
    /// surrounding spaces and a final full stop.</summary>
    private static bool IsLoneCode(string text, out int start, out int end)
    {
        start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var span = text.AsSpan(start).TrimEnd(" \t\r\n.。!！");
        end = start + span.Length;
        if (span.IsEmpty || !TextChars.IsDigit(span[0]) || !TextChars.IsDigit(span[^1]))
        {
            return false;
        }

        var digits = 0;
        var groups = 1;
        foreach (var c in span)
        {
            if (TextChars.IsDigit(c))
            {
                digits++;
            }
            else if (c is ' ' or '-')
            {
                groups++;
            }
            else
            {
                return false;
            }
        }

        return digits is >= 4 and <= 8 && groups <= 3;
    }
}
