using System.Globalization;

namespace SupportBot.Core.Handoff;

/// <summary>Whether agents are at work at a moment, and when they are back. Built from
/// <see cref="BusinessHoursOptions"/>; <see cref="Parse"/> names the bad key.</summary>
public sealed class BusinessHours
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly bool[] _days;
    private readonly TimeSpan _open;
    private readonly TimeSpan _close;

    private BusinessHours(bool[] days, TimeSpan open, TimeSpan close, TimeZoneInfo zone)
    {
        _days = days;
        _open = open;
        _close = close;
        Zone = zone;
    }

    /// <summary>The time zone the hours are in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Whether the hours cover every moment.</summary>
    public bool AlwaysOpen => _days.All(d => d) && _open == TimeSpan.Zero && _close == TimeSpan.FromDays(1);

    /// <summary>Reads the options; throws <see cref="ArgumentException"/> naming the key that is wrong.</summary>
    public static BusinessHours Parse(BusinessHoursOptions options, string defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zoneId = options.TimeZone ?? defaultTimeZone;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Support:BusinessHours:TimeZone '{zoneId}' is not a time zone this machine knows.", ex);
        }

        var open = ParseTime(options.Open, "Support:BusinessHours:Open");
        var close = ParseTime(options.Close, "Support:BusinessHours:Close");
        if (close <= open)
        {
            throw new ArgumentException("Support:BusinessHours:Close must be later than Support:BusinessHours:Open.");
        }

        return new BusinessHours(ParseDays(options.Days), open, close, zone);
    }

    /// <summary>Whether agents work at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return _days[(int)local.DayOfWeek] && local.TimeOfDay >= _open && local.TimeOfDay < _close;
    }

    /// <summary>The next opening at or after <paramref name="at"/>, in the hours' time zone.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at))
        {
            return TimeZoneInfo.ConvertTime(at, Zone);
        }

        var local = TimeZoneInfo.ConvertTime(at, Zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (!_days[(int)date.DayOfWeek])
            {
                continue;
            }

            var opening = new DateTimeOffset(date + _open, Zone.GetUtcOffset(date + _open));
            if (opening >= local)
            {
                return opening;
            }
        }

        return local;
    }

    private static TimeSpan ParseTime(string value, string key)
    {
        if (value == "24:00")
        {
            return TimeSpan.FromDays(1);
        }

        return TimeSpan.TryParseExact(value, @"hh\:mm", CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new ArgumentException($"{key} '{value}' is not a time of day like 09:00.");
    }

    private static bool[] ParseDays(string value)
    {
        var days = new bool[7];
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var from = DayIndex(range[0]);
            var to = range.Length > 1 ? DayIndex(range[1]) : from;
            for (var d = from; ; d = (d + 1) % 7)
            {
                days[d] = true;
                if (d == to)
                {
                    break;
                }
            }
        }

        return days.Any(d => d)
            ? days
            : throw new ArgumentException($"Support:BusinessHours:Days '{value}' names no day (use e.g. Mon-Fri).");

        int DayIndex(string name)
        {
            var index = Array.IndexOf(DayNames, name.Length >= 3 ? name[..3].ToLowerInvariant() : name);
            return index >= 0
                ? index
                : throw new ArgumentException($"Support:BusinessHours:Days '{value}': '{name}' is not a day (use Mon, Tue …).");
        }
    }
}
