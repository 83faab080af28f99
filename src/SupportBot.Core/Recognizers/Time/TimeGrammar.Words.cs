namespace SupportBot.Core.Recognizers.Time;

/// <summary>Relative days, parts of the day and "now".</summary>
internal static partial class TimeGrammar
{
    /// <summary>今天, 昨天, 前天, 大前天, 昨晚, 今早, 今晚, 明天; today, yesterday, tonight, last night, this morning,
    /// the day before yesterday, tomorrow.</summary>
    private static int MatchRelativeDay(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (i >= t.Length || t[i].Kind != TimeTokenKind.Word)
        {
            return 0;
        }

        (int Offset, DayPeriod Period, int Length)? hit = t[i].Text switch
        {
            "今天" or "今日" or "today" => (0, DayPeriod.None, 1),
            "昨天" or "昨日" or "yesterday" => (-1, DayPeriod.None, 1),
            "前天" => (-2, DayPeriod.None, 1),
            "大前天" => (-3, DayPeriod.None, 1),
            "昨晚" or "昨夜" => (-1, DayPeriod.Evening, 1),
            "今早" or "今晨" => (0, DayPeriod.Morning, 1),
            "今晚" or "tonight" => (0, DayPeriod.Evening, 1),

            // Read so that they are refused as the future, not skipped as filler ("tomorrow 9am" ≠ today 9am).
            "明天" or "tomorrow" or "明早" or "明晚" => (1, DayPeriod.None, 1),
            "后天" => (2, DayPeriod.None, 1),
            "day" when Word(t, i + 1, "before") && Word(t, i + 2, "yesterday") => (-2, DayPeriod.None, 3),
            "last" when Word(t, i + 1, "night") => (-1, DayPeriod.Evening, 2),
            "this" when PeriodOf(i + 1 < t.Length ? t[i + 1].Text : "") is { } period => (0, period, 2),
            _ => null,
        };
        if (hit is not { } h)
        {
            return 0;
        }

        p.SetDayOffset(h.Offset);
        if (h.Period != DayPeriod.None)
        {
            p.SetPeriod(h.Period);
        }

        return h.Length;
    }

    /// <summary>上午, 下午, 晚上 …; morning, afternoon, evening, night; "noon" and "midnight" are also a time.</summary>
    private static int MatchPeriod(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (i >= t.Length || t[i].Kind != TimeTokenKind.Word)
        {
            return 0;
        }

        if (t[i].Text is "noon" or "midnight")
        {
            p.SetTime(t[i].Text == "noon" ? 12 : 0, 0, 0);
            return 1;
        }

        if (PeriodOf(t[i].Text) is not { } period)
        {
            return 0;
        }

        p.SetPeriod(period);

        // "this morning around 7", "evening at 9": a bare hour after the part of the day is that hour. (Chinese
        // writes the hour with 点, which the clock matchers read.)
        if (t[i].Text is not ("morning" or "afternoon" or "evening" or "night"))
        {
            return 1;
        }

        var j = i + 1;
        while (j < t.Length && t[j].Kind == TimeTokenKind.Word && t[j].Text is "around" or "about" or "at" or "roughly" or "approximately" or "like" or "maybe")
        {
            j++;
        }

        if (j < t.Length && t[j].Kind == TimeTokenKind.Number && t[j].Value is >= 1 and <= 12
            && (j + 1 >= t.Length || t[j + 1].Kind != TimeTokenKind.Symbol || t[j + 1].Text is not (":" or "：" or "." or "点")))
        {
            p.SetTime(t[j].Value, 0, 0);
            return j - i + 1;
        }

        return 1;
    }

    private static DayPeriod? PeriodOf(string word) => word switch
    {
        "凌晨" or "半夜" => DayPeriod.SmallHours,
        "早上" or "早晨" or "清晨" or "上午" or "早" or "morning" => DayPeriod.Morning,
        "中午" => DayPeriod.Noon,
        "下午" or "傍晚" or "afternoon" => DayPeriod.Afternoon,
        "晚上" or "夜里" or "夜间" or "深夜" or "晚" or "evening" or "night" => DayPeriod.Evening,
        _ => null,
    };

    /// <summary>刚才, 刚刚, 刚; "just now", "now", "right now".</summary>
    private static int MatchNow(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (Word(t, i, "刚才", "刚刚", "刚", "now"))
        {
            p.IsNow = true;
            return 1;
        }

        if (Word(t, i, "just", "right") && Word(t, i + 1, "now"))
        {
            p.IsNow = true;
            return 2;
        }

        return 0;
    }
}
