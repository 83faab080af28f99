using System.Globalization;

namespace SupportBot.Core.Recognizers.Time;

/// <summary>Turns <see cref="TimeParts"/> into a UTC instant: local times are read in the configured zone, relative
/// ones from now; the future (beyond a little clock skew) and impossible dates are refused.</summary>
internal static class TimeResolver
{
    /// <summary>How far ahead of now a time may be (clocks differ, users round up).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(2);

    /// <summary>Resolves <paramref name="p"/>; <paramref name="original"/> is kept as the user's words.</summary>
    public static RecognitionResult Resolve(TimeParts p, DateTimeOffset now, TimeZoneInfo zone, string original)
    {
        if (p.IsNow || p.Ago is not null)
        {
            if (p.HasDate || p.Hour is not null || (p.IsNow && p.Ago is not null))
            {
                return RecognitionResult.Fail(RecognizerErrors.TimeFormat);
            }

            var instant = now.UtcDateTime - (p.Ago ?? TimeSpan.Zero);
            return Ok(instant, zone, original, dateOnly: false);
        }

        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (p.Month is not null && p.DayOffset is not null)
        {
            return RecognitionResult.Fail(RecognizerErrors.TimeFormat);
        }

        var hasTime = p.Hour is not null;
        int hour = 0, extraDays = 0;
        if (hasTime && !TryApplyPeriod(p.Hour!.Value, p, out hour, out extraDays))
        {
            return RecognitionResult.Fail(RecognizerErrors.TimeInvalid);
        }

        if (hour > 23 || p.Minute > 59 || p.Second > 59)
        {
            return RecognitionResult.Fail(RecognizerErrors.TimeInvalid);
        }

        DateTime local;
        if (p.Month is { } month)
        {
            var yearGiven = p.Year is not null;
            var year = p.Year ?? localNow.Year;
            if (!TryDate(year, month, p.Day!.Value, out var date))
            {
                return RecognitionResult.Fail(RecognizerErrors.TimeInvalid);
            }

            local = date.AddDays(extraDays).Add(new TimeSpan(hour, p.Minute, p.Second));
            if (!yearGiven && IsFuture(ToUtc(local, zone, p.Offset), now))
            {
                // "12月25日" in March means last December.
                if (!TryDate(year - 1, month, p.Day.Value, out date))
                {
                    return RecognitionResult.Fail(RecognizerErrors.TimeInvalid);
                }

                local = date.AddDays(extraDays).Add(new TimeSpan(hour, p.Minute, p.Second));
            }
        }
        else
        {
            local = localNow.Date.AddDays((p.DayOffset ?? 0) + extraDays).Add(new TimeSpan(hour, p.Minute, p.Second));
        }

        if (p.Offset is null && zone.IsInvalidTime(local))
        {
            // A local time skipped by a daylight-saving change never happened.
            return RecognitionResult.Fail(RecognizerErrors.TimeInvalid);
        }

        var utc = ToUtc(local, zone, p.Offset);
        return IsFuture(utc, now)
            ? RecognitionResult.Fail(RecognizerErrors.TimeFuture)
            : Ok(utc, zone, original, dateOnly: !hasTime);
    }

    /// <summary>Applies a.m./p.m. or the part of the day: "晚上9点" = 21:00, "凌晨1点" = 01:00, "晚上12点" = midnight
    /// after that day, "9pm" = 21:00. False when they contradict ("上午15点", "13pm").</summary>
    private static bool TryApplyPeriod(int h, TimeParts p, out int hour, out int extraDays)
    {
        (hour, extraDays) = (h, 0);
        if (p.Pm is { } pm)
        {
            if (h is < 1 or > 12)
            {
                // "0am" is midnight; "13pm" contradicts itself.
                return h == 0 && !pm;
            }

            hour = pm ? (h < 12 ? h + 12 : h) : (h == 12 ? 0 : h);
            return true;
        }

        switch (p.Period)
        {
            case DayPeriod.SmallHours:
                hour = h == 12 ? 0 : h;
                return h <= 12;
            case DayPeriod.Morning:
                return h <= 12;
            case DayPeriod.Noon:
                hour = h < 11 ? h + 12 : h;
                return true;
            case DayPeriod.Afternoon:
                hour = h < 12 ? h + 12 : h;
                return h > 0;
            case DayPeriod.Evening:
                // Late evening crosses midnight: "昨天晚上12点" / "昨晚1点" is early today.
                (hour, extraDays) = h switch
                {
                    >= 5 and <= 11 => (h + 12, 0),
                    12 => (0, 1),
                    < 5 => (h, 1),
                    _ => (h, 0),
                };
                return true;
            default:
                return true;
        }
    }

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone, TimeSpan? offset)
    {
        if (offset is { } o)
        {
            return new DateTimeOffset(local, o).UtcDateTime;
        }

        return zone.IsInvalidTime(local)
            ? DateTime.SpecifyKind(local - zone.BaseUtcOffset, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static bool IsFuture(DateTime utc, DateTimeOffset now) => utc > now.UtcDateTime + FutureTolerance;

    private static RecognitionResult Ok(DateTime utc, TimeZoneInfo zone, string original, bool dateOnly)
    {
        utc = DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var display = dateOnly ? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString(local.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss",
                CultureInfo.InvariantCulture);
        var value = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return RecognitionResult.Ok(new SlotValue(value, display, original));
    }
}
