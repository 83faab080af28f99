using System.ComponentModel.DataAnnotations;

namespace SupportBot.Core.Handoff;

/// <summary>How the support team works (configuration section <c>Support</c>).</summary>
public sealed class SupportOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Support";

    /// <summary>How long after an agent resolves a ticket a message from the user reopens it; after that the
    /// ticket is closed. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Support:ReopenWindow must be between 1 minute and 365 days.")]
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The period of recent tickets whose first-response times make the wait estimate. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "Support:EstimateWindow must be between 1 hour and 90 days.")]
    public TimeSpan EstimateWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When agents are at work; the default is around the clock.</summary>
    public BusinessHoursOptions BusinessHours { get; set; } = new();
}

/// <summary>Agents' working hours (<c>Support:BusinessHours</c>) in <see cref="TimeZone"/> (default
/// <c>Bot:TimeZone</c>).</summary>
public sealed class BusinessHoursOptions
{
    /// <summary>Working days, e.g. <c>Mon-Fri</c>, <c>Mon,Wed,Fri</c>, <c>Mon-Sun</c> (the default).</summary>
    public string Days { get; set; } = "Mon-Sun";

    /// <summary>Opening time, <c>HH:mm</c>.</summary>
    public string Open { get; set; } = "00:00";

    /// <summary>Closing time, <c>HH:mm</c>; <c>24:00</c> for midnight.</summary>
    public string Close { get; set; } = "24:00";

    /// <summary>IANA time zone; null uses <c>Bot:TimeZone</c>.</summary>
    public string? TimeZone { get; set; }
}
