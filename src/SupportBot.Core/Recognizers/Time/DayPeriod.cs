namespace SupportBot.Core.Recognizers.Time;

/// <summary>A part of the day that turns "9" into 09:00 or 21:00.</summary>
internal enum DayPeriod
{
    /// <summary>No period given.</summary>
    None,

    /// <summary>凌晨, 半夜: small hours.</summary>
    SmallHours,

    /// <summary>早上, 上午, morning, a.m.</summary>
    Morning,

    /// <summary>中午, noon.</summary>
    Noon,

    /// <summary>下午, 傍晚, afternoon.</summary>
    Afternoon,

    /// <summary>晚上, evening, night, tonight.</summary>
    Evening,
}
