namespace SupportBot.Core.Recognizers.Time;

/// <summary>Clock times ("10:45", "9pm", "10点45") and UTC offsets.</summary>
internal static partial class TimeGrammar
{
    /// <summary>"10:45", "10:45:30", "8:15am", "9:30 p.m.".</summary>
    private static int MatchClock(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (!(Num(t, i) && t[i].Digits > 0 && Sym(t, i + 1, ":") && Num(t, i + 2) && t[i + 2].Digits == 2 &&
            Tight(t, i + 1, i + 2)))
        {
            return 0;
        }

        var j = i + 3;
        var second = 0;
        if (Sym(t, j, ":") && Num(t, j + 1) && t[j + 1].Digits == 2 && Tight(t, j, j + 1))
        {
            second = t[j + 1].Value;
            j += 2;
        }

        p.SetTime(t[i].Value, t[i + 2].Value, second);
        return j - i + MatchAmPm(t, j, p);
    }

    /// <summary>"9pm", "9 a.m.", "9 o'clock", "at 9".</summary>
    private static int MatchHourAmPm(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (!(Num(t, i) && t[i].Digits > 0))
        {
            return 0;
        }

        var ampm = MatchAmPm(t, i + 1, p);
        if (ampm == 0 && Word(t, i + 1, "o") && Sym(t, i + 2, "'", "\u2019") && Word(t, i + 3, "clock"))
        {
            ampm = 3;
        }

        // "yesterday evening at 9": a bare hour only after "at", and only when nothing else could own the number.
        var afterAt = i > 0 && Word(t, i - 1, "at") && (i + 1 == t.Length || t[i + 1].Kind == TimeTokenKind.Symbol);
        if (ampm == 0 && !afterAt)
        {
            return 0;
        }

        p.SetTime(t[i].Value, 0, 0);
        return 1 + ampm;
    }

    private static int MatchAmPm(ReadOnlySpan<TimeToken> t, int j, TimeParts p)
    {
        if (Word(t, j, "am", "pm"))
        {
            p.Pm = t[j].Text == "pm";
            return 1;
        }

        if (Word(t, j, "a", "p") && Sym(t, j + 1, ".") && Word(t, j + 2, "m"))
        {
            p.Pm = t[j].Text == "p";
            return Sym(t, j + 3, ".") ? 4 : 3;
        }

        return 0;
    }

    /// <summary>"10点45", "10点45分", "8点半", "九点", "3点一刻", "15时30分20秒".</summary>
    private static int MatchChineseClock(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (!(Num(t, i) && Word(t, i + 1, "点", "点钟", "时")))
        {
            return 0;
        }

        var j = i + 2;
        var minute = 0;
        var second = 0;
        if (Num(t, j) && Word(t, j + 1, "分", "分钟"))
        {
            minute = t[j].Value;
            j += 2;
        }
        else if (Num(t, j) && Word(t, j + 1, "刻"))
        {
            minute = t[j].Value * 15;
            j += 2;
        }
        else if (Word(t, j, "半"))
        {
            minute = 30;
            j++;
        }
        else if (Num(t, j) && !Word(t, j + 1, "月", "日", "号", "个", "小时", "天", "年", "秒", "秒钟"))
        {
            minute = t[j].Value;
            j++;
        }
        else if (Word(t, j, "整"))
        {
            j++;
        }

        if (Num(t, j) && Word(t, j + 1, "秒", "秒钟"))
        {
            second = t[j].Value;
            j += 2;
        }

        p.SetTime(t[i].Value, minute, second);
        return j - i;
    }

    /// <summary>"Z" right after a time, "UTC", "UTC+8", "GMT-5:30", "+08:00" right after a time.</summary>
    private static int MatchOffset(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        if (p.Hour is not null && Word(t, i, "z") && !t[i].SpaceBefore)
        {
            p.Offset = TimeSpan.Zero;
            return 1;
        }

        var j = i;
        var named = Word(t, j, "utc", "gmt");
        if (named)
        {
            j++;
        }
        else if (p.Hour is null || t[i].SpaceBefore)
        {
            return 0;
        }

        if (!(Sym(t, j, "+", "-") && Num(t, j + 1)))
        {
            if (named)
            {
                p.Offset = TimeSpan.Zero;
            }

            return named ? 1 : 0;
        }

        var sign = t[j].Text == "-" ? -1 : 1;
        var hours = t[j + 1].Value;
        var minutes = 0;
        var end = j + 2;
        if (Sym(t, end, ":") && Num(t, end + 1) && t[end + 1].Digits == 2)
        {
            minutes = t[end + 1].Value;
            end += 2;
        }

        if (hours > 14 || minutes > 59)
        {
            return 0;
        }

        p.Offset = sign * new TimeSpan(hours, minutes, 0);
        return end - i;
    }
}
