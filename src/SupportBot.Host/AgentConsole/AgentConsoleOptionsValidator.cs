using System.Net;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.AgentConsole;

/// <summary>Start-up checks of <c>AgentConsole</c> that name the key: the time zone, the trusted proxies and the
/// SLA targets. (Ranges are checked by their attributes.)</summary>
internal sealed class AgentConsoleOptionsValidator : IValidateOptions<AgentConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentConsoleOptions options)
    {
        var errors = new List<string>();
        if (options.TimeZone.Length > 0 && !IsKnownTimeZone(options.TimeZone))
        {
            errors.Add($"AgentConsole:TimeZone '{options.TimeZone}' is not a time zone this machine knows (use an IANA id such as Asia/Shanghai or UTC).");
        }

        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TryParseProxy(options.TrustedProxies[i], out _, out _))
            {
                errors.Add($"AgentConsole:TrustedProxies:{i} '{options.TrustedProxies[i]}' is not an IP address or a CIDR network such as 10.0.0.0/8.");
            }
        }

        foreach (var (key, value) in new[]
                 {
                     ("Urgent", options.Sla.Urgent), ("High", options.Sla.High),
                     ("Normal", options.Sla.Normal), ("Low", options.Sla.Low),
                 })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(30))
            {
                errors.Add($"AgentConsole:Sla:{key} must be a time span above zero and at most 30 days, such as 00:15:00 (it is {value}).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>An address (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/8</c>).</summary>
    public static bool TryParseProxy(string text, out IPAddress? address, out System.Net.IPNetwork? network)
    {
        address = null;
        network = null;
        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (System.Net.IPNetwork.TryParse(trimmed, out var parsed))
            {
                network = parsed;
                return true;
            }

            return false;
        }

        return IPAddress.TryParse(trimmed, out address);
    }

    public static bool IsKnownTimeZone(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
