using System.ComponentModel.DataAnnotations;

namespace SupportBot.Host.Api;

/// <summary>One integration's key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The integration's name; the audit history records actions as <c>api:NAME</c>.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The secret the integration sends as <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>. Put
    /// it in an environment variable (<c>Api__Keys__0__Key</c>) or user-secrets, not in a committed file.</summary>
    [Required]
    public string Key { get; set; } = "";
}
