namespace SupportBot.Core.Recognizers.Time;

/// <summary>Reads <see cref="TimeParts"/> from time tokens: at each position the first matching form wins; unknown
/// words and symbols are filler ("at", "大概", "左右"), but a number nothing explains makes the answer unreadable, so
/// "lost 100 USDT yesterday" is refused instead of guessed. Each matcher looks at a few tokens: linear
/// overall.</summary>
internal static partial class TimeGrammar
{
    private static readonly string[] MonthWords =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ];

    private delegate int Matcher(ReadOnlySpan<TimeToken> t, int i, TimeParts p);

    private static readonly Matcher[] Matchers =
    [
        MatchAgo, MatchIsoDate, MatchChineseDate, MatchEnglishDate, MatchMonthDay, MatchClock, MatchChineseClock,
        MatchHourAmPm, MatchRelativeDay, MatchPeriod, MatchNow, MatchOffset,
    ];

    /// <summary>The parts of the answer; null when it cannot be read unambiguously.</summary>
    public static TimeParts? Parse(ReadOnlySpan<TimeToken> tokens) => Parse(tokens, lenient: false);

    /// <summary>Like <see cref="Parse(ReadOnlySpan{TimeToken})"/>, but <paramref name="lenient"/> skips numbers nothing
    /// explains, for a time phrase inside a sentence that also holds a UID or an amount ("UID 48213377, 500 USDT two
    /// hours ago").</summary>
    public static TimeParts? Parse(ReadOnlySpan<TimeToken> tokens, bool lenient)
    {
        var parts = new TimeParts();
        var i = 0;
        while (i < tokens.Length)
        {
            var consumed = 0;
            // A span, not a list: a sentence is tried from each start (TimeRecognizer.FindInSentence), and a slice
            // costs nothing where a copy of the tail per start cost a fifth of a whole turn.
            foreach (var matcher in Matchers)
            {
                consumed = matcher(tokens, i, parts);
                if (consumed > 0)
                {
                    break;
                }
            }

            if (consumed == 0)
            {
                if (tokens[i].Kind == TimeTokenKind.Number && !lenient)
                {
                    return null;
                }

                consumed = 1;
            }

            i += consumed;
        }

        return parts.Conflict || !parts.HasAnything ? null : parts;
    }

    /// <summary>"2025-03-03", "2025/3/3", "2025.3.3" (the separators must agree, no spaces inside).</summary>
    internal static int MatchIsoDate(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (!(Num(t, i, 4) && t[i].Digits == 4 && Sym(t, i + 1, "-", "/", ".") && Num(t, i + 2) &&
            Sym(t, i + 3, t[i + 1].Text) && Num(t, i + 4) && Tight(t, i + 1, i + 4)))
        {
            return 0;
        }

        p.SetDate(t[i].Value, t[i + 2].Value, t[i + 4].Value);
        return 5;
    }

    /// <summary>"3月3日", "2025年3月3日", "3月3号", "二〇二五年三月三日".</summary>
    private static int MatchChineseDate(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        var j = i;
        int? year = null;
        if (Num(t, j, 4) && Word(t, j + 1, "年"))
        {
            year = t[j].Value < 100 ? 2000 + t[j].Value : t[j].Value;
            j += 2;
        }

        if (!(Num(t, j) && Word(t, j + 1, "月") && Num(t, j + 2)))
        {
            return 0;
        }

        p.SetDate(year, t[j].Value, t[j + 2].Value);
        j += 3;
        return Word(t, j, "日", "号") ? j + 1 - i : j - i;
    }

    /// <summary>"March 3", "Mar 3rd, 2025", "3 Mar 2025", "3rd of March".</summary>
    private static int MatchEnglishDate(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        int j;
        int day;
        int month;
        if (MonthAt(t, i) is { } m1 && Num(t, SkipSym(t, i + 1, ".")))
        {
            month = m1;
            j = SkipSym(t, i + 1, ".");
            day = t[j].Value;
            j = SkipOrdinal(t, j + 1);
        }
        else if (Num(t, i) && t[i].Digits > 0)
        {
            j = SkipOrdinal(t, i + 1);
            j = Word(t, j, "of") ? j + 1 : j;
            if (MonthAt(t, j) is not { } m2)
            {
                return 0;
            }

            month = m2;
            day = t[i].Value;
            j = SkipSym(t, j + 1, ".");
        }
        else
        {
            return 0;
        }

        var k = SkipSym(t, j, ",");
        int? year = null;
        if (Num(t, k, 4) && t[k].Digits == 4)
        {
            year = t[k].Value;
            j = k + 1;
        }

        p.SetDate(year, month, day);
        return j - i;
    }

    /// <summary>"03-03", "3/3" (month first, as Chinese and US users write it); "3/3/2025" is refused as
    /// ambiguous.</summary>
    private static int MatchMonthDay(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (!(Num(t, i) && t[i].Digits > 0 && Sym(t, i + 1, "-", "/") && Num(t, i + 2) && t[i + 2].Digits > 0 &&
            Tight(t, i + 1, i + 2)) || (Sym(t, i + 3, t[i + 1].Text) && Num(t, i + 4, 4)))
        {
            return 0;
        }

        p.SetDate(null, t[i].Value, t[i + 2].Value);
        return 3;
    }

    private static int? MonthAt(ReadOnlySpan<TimeToken> t, int i)
    {
        if (i >= t.Length || t[i].Kind != TimeTokenKind.Word || t[i].Text.Length < 3)
        {
            return null;
        }

        for (var m = 0; m < MonthWords.Length; m++)
        {
            var name = MonthWords[m];
            var word = t[i].Text;
            if (word == name || (word.Length is 3 && name.StartsWith(word, StringComparison.Ordinal)) ||
                word == "sept" && m == 8)
            {
                return m + 1;
            }
        }

        return null;
    }

    private static int SkipOrdinal(ReadOnlySpan<TimeToken> t, int j) =>
        Word(t, j, "st", "nd", "rd", "th") && !t[j].SpaceBefore ? j + 1 : j;

    private static int SkipSym(ReadOnlySpan<TimeToken> t, int j, string symbol) => Sym(t, j, symbol) ? j + 1 : j;

    private static bool Num(ReadOnlySpan<TimeToken> t, int i, int maxDigits = 2) => i < t.Length && t[i].IsNumber(maxDigits);

    // params spans: the word lists live on the stack, where params arrays allocated one per call.
    private static bool Word(ReadOnlySpan<TimeToken> t, int i, params ReadOnlySpan<string> words) =>
        i < t.Length && t[i].Kind == TimeTokenKind.Word && words.Contains(t[i].Text);

    private static bool Sym(ReadOnlySpan<TimeToken> t, int i, params ReadOnlySpan<string> symbols) =>
        i < t.Length && t[i].Kind == TimeTokenKind.Symbol && symbols.Contains(t[i].Text);

    /// <summary>No space before any token from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static bool Tight(ReadOnlySpan<TimeToken> t, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            if (t[k].SpaceBefore)
            {
                return false;
            }
        }

        return true;
    }
}
