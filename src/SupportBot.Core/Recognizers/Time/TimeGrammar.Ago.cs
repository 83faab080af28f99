namespace SupportBot.Core.Recognizers.Time;

/// <summary>Spans back from now: "20分钟前", "an hour ago".</summary>
internal static partial class TimeGrammar
{
    private static readonly string[] EnglishCounts =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];

    /// <summary>"20分钟前", "三个小时前", "半小时前", "一个半小时前", "3天前", "20 minutes ago", "an hour ago",
    /// "half an hour ago". Whole days become a relative day; shorter spans a moment.</summary>
    private static int MatchAgo(ReadOnlySpan<TimeToken> t, int i, TimeParts p)
    {
        var j = i;
        double count;
        if (Num(t, j, 4))
        {
            count = t[j].Value;
            j++;
            j = Word(t, j, "个") ? j + 1 : j;
            if (Word(t, j, "半"))
            {
                count += 0.5;
                j++;
            }
        }
        else if (Word(t, j, "半"))
        {
            count = 0.5;
            j = Word(t, j + 1, "个") ? j + 2 : j + 1;
        }
        else if (Word(t, j, "a", "an"))
        {
            count = 1;
            j++;
        }
        else if (Word(t, j, "half"))
        {
            count = 0.5;
            j = Word(t, j + 1, "a", "an") ? j + 2 : j + 1;
        }
        else if (j < t.Length && Array.IndexOf(EnglishCounts, t[j].Text) is var n && n > 0 &&
            t[j].Kind == TimeTokenKind.Word)
        {
            count = n;
            j++;
        }
        else
        {
            return 0;
        }

        if (UnitAt(t, j) is not { } unit)
        {
            return 0;
        }

        // "三个小时前", "2 hours ago"; and spans that say how long it has been, which is as far back as it started:
        // "三个小时了" (了 after the span), "等了三个小时", "stuck for 3 hours".
        var end = Word(t, j + 1, "前", "以前", "之前", "ago") || Sym(t, j + 1, "了") ? j + 2
            : HasBeenWaiting(t, i) ? j + 1
            : 0;
        if (end == 0)
        {
            return 0;
        }

        if (unit == TimeSpan.FromDays(1))
        {
            if (count != Math.Floor(count))
            {
                return 0;
            }

            p.SetDayOffset(-(int)count);
        }
        else
        {
            p.Conflict |= p.Ago is not null;
            p.Ago = unit * count;
        }

        return end - i;
    }

    private static readonly string[] WaitingWords = ["stuck", "waiting", "waited", "pending", "been", "delayed"];

    /// <summary>"等了/卡了/过了/拖了 三个小时", "stuck/waiting/pending for 3 hours" before the span at <paramref name="i"/>.
    /// Only these: "locked for 24 hours" says how long something will last, not when it began.</summary>
    private static bool HasBeenWaiting(ReadOnlySpan<TimeToken> t, int i) =>
        i >= 2 && ((Sym(t, i - 1, "了") && Sym(t, i - 2, "等", "卡", "过", "拖"))
            || (Word(t, i - 1, "for") && Word(t, i - 2, WaitingWords)));

    private static TimeSpan? UnitAt(ReadOnlySpan<TimeToken> t, int j)
    {
        if (j >= t.Length || t[j].Kind != TimeTokenKind.Word)
        {
            return null;
        }

        return t[j].Text switch
        {
            "分钟" or "分" or "minute" or "minutes" or "min" or "mins" or "m" => TimeSpan.FromMinutes(1),
            "小时" or "钟头" or "hour" or "hours" or "hr" or "hrs" or "h" => TimeSpan.FromHours(1),
            "秒" or "秒钟" or "second" or "seconds" or "sec" or "secs" or "s" => TimeSpan.FromSeconds(1),
            "天" or "day" or "days" or "d" => TimeSpan.FromDays(1),
            _ => null,
        };
    }
}
