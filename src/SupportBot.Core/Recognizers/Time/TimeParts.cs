namespace SupportBot.Core.Recognizers.Time;

/// <summary>What the grammar read from a time answer, before it is resolved against now and the time zone.</summary>
internal sealed class TimeParts
{
    /// <summary>Year, when written (two-digit years already widened).</summary>
    public int? Year { get; set; }

    /// <summary>Month, when a date was written.</summary>
    public int? Month { get; set; }

    /// <summary>Day of month, when a date was written.</summary>
    public int? Day { get; set; }

    /// <summary>Days from today (yesterday = -1), when a relative day was written.</summary>
    public int? DayOffset { get; set; }

    /// <summary>Hour as written (before the period is applied).</summary>
    public int? Hour { get; set; }

    /// <summary>Minute.</summary>
    public int Minute { get; set; }

    /// <summary>Second.</summary>
    public int Second { get; set; }

    /// <summary>The part of the day written in words.</summary>
    public DayPeriod Period { get; set; }

    /// <summary>An explicit a.m. (false) or p.m. (true).</summary>
    public bool? Pm { get; set; }

    /// <summary>"20 minutes ago": how long ago.</summary>
    public TimeSpan? Ago { get; set; }

    /// <summary>"just now", "刚才".</summary>
    public bool IsNow { get; set; }

    /// <summary>An explicit UTC offset ("Z", "UTC+8").</summary>
    public TimeSpan? Offset { get; set; }

    /// <summary>Set when two dates or two times were given: the answer is ambiguous.</summary>
    public bool Conflict { get; set; }

    /// <summary>Whether any part of a date was read.</summary>
    public bool HasDate => Month is not null || DayOffset is not null;

    /// <summary>Whether anything at all was read.</summary>
    public bool HasAnything => HasDate || Hour is not null || Ago is not null || IsNow;

    /// <summary>Sets the date, flagging a conflict when one was already set.</summary>
    public void SetDate(int? year, int month, int day)
    {
        Conflict |= Month is not null;
        (Year, Month, Day) = (year, month, day);
    }

    /// <summary>Sets the relative day, flagging a conflict when one was already set.</summary>
    public void SetDayOffset(int offset)
    {
        Conflict |= DayOffset is not null && DayOffset != offset;
        DayOffset = offset;
    }

    /// <summary>Sets the clock time, flagging a conflict when one was already set.</summary>
    public void SetTime(int hour, int minute, int second)
    {
        Conflict |= Hour is not null;
        (Hour, Minute, Second) = (hour, minute, second);
    }

    /// <summary>Sets the period; a second, different one is a conflict ("上午 … 晚上").</summary>
    public void SetPeriod(DayPeriod period)
    {
        Conflict |= Period != DayPeriod.None && Period != period;
        Period = period;
    }
}
