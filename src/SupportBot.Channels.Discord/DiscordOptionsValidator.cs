using Microsoft.Extensions.Options;

namespace SupportBot.Channels.Discord;

/// <summary>Checks the <c>Discord</c> section at start-up; each failure names its key.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.BotToken!.Trim().Length < 20 || options.BotToken.Any(char.IsWhiteSpace))
        {
            // The value itself is never quoted: it is a secret.
            failures.Add("Discord:BotToken does not look like a bot token (copy it from the developer portal's Bot page).");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) address.");
        }

        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("ws" or "wss")))
        {
            failures.Add("Discord:GatewayUrl must be an absolute ws(s) address.");
        }

        Snowflake(options.ApplicationId, "ApplicationId", failures);
        Snowflake(options.GuildId, "GuildId", failures);
        Snowflake(options.StaffChannelId, "StaffChannelId", failures);
        Snowflake(options.StaffRoleId, "StaffRoleId", failures);
        if (options.StaffEnabled && string.IsNullOrWhiteSpace(options.StaffRoleId))
        {
            failures.Add("Discord:StaffRoleId is required when Discord:StaffChannelId is set (only that role may act on tickets).");
        }

        if (options.StaffLocale is not ("en" or "zh-CN"))
        {
            failures.Add("Discord:StaffLocale must be en or zh-CN.");
        }

        if (options.FloodLimit < 1 || options.FloodWindow <= TimeSpan.Zero)
        {
            failures.Add("Discord:FloodLimit and Discord:FloodWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Snowflake(string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrEmpty(value) && (value.Length > 20 || !value.All(char.IsAsciiDigit)))
        {
            failures.Add($"Discord:{key} must be a numeric Discord id (enable developer mode, then right-click → Copy ID).");
        }
    }
}
