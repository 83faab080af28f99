using System.ComponentModel.DataAnnotations;

namespace SupportBot.Core.Engine;

/// <summary>Settings of the dialog engine, bound from the <c>Bot</c> section of appsettings.json.</summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bot";

    /// <summary>The locale used when neither the text nor the channel tells (<c>zh-CN</c> or <c>en</c>).</summary>
    [Required]
    [RegularExpression("^(zh-CN|en)$", ErrorMessage = "Bot:DefaultLocale must be 'zh-CN' or 'en'.")]
    public string DefaultLocale { get; set; } = Catalog.Locales.Supported.English;

    /// <summary>The IANA time zone users' times ("yesterday 9pm") are read in.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>After this long without a message, a user coming back is offered to continue or start over.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Bot:IdleTimeout must be between 1 minute and 7 days.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed attempts at one detail before a human is offered.</summary>
    [Range(1, 10, ErrorMessage = "Bot:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Longer messages are refused with a message (the safety guard still scans all of it first).</summary>
    [Range(100, 100_000, ErrorMessage = "Bot:MaxMessageLength must be between 100 and 100000.")]
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>The problem id used for a handoff before a problem was named.</summary>
    [Required]
    public string FallbackProblem { get; set; } = "other";
}
