using Microsoft.Extensions.Options;

namespace SupportBot.Channels.WebChat;

/// <summary>Checks the <c>DirectLine</c> section at start-up; every failure names its key.</summary>
public sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = DirectLineOptions.SectionName + ":";
        if (options.Secret.Length is > 0 and < 16)
        {
            failures.Add(prefix + "Secret must be empty (tokens/generate off) or at least 16 characters.");
        }

        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromDays(1))
        {
            failures.Add(prefix + "TokenLifetime must be between 00:01:00 and 1.00:00:00.");
        }

        if (options.ResumeWindow < TimeSpan.Zero || options.ResumeWindow > TimeSpan.FromDays(30))
        {
            failures.Add(prefix + "ResumeWindow must be between 00:00:00 and 30.00:00:00.");
        }

        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            if (!IsOrigin(options.AllowedOrigins[i]))
            {
                failures.Add(FormattableString.Invariant(
                    $"{prefix}AllowedOrigins:{i} must be an origin such as https://shop.example (scheme, host and optional port; no path)."));
            }
        }

        if (options.MaxActivityBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add(prefix + "MaxActivityBytes must be between 1024 and 16777216.");
        }

        if (options.MaxUploadBytes is < 1024 or > 256L * 1024 * 1024)
        {
            failures.Add(prefix + "MaxUploadBytes must be between 1024 and 268435456.");
        }

        if (options.MaxUploadBytesPerConversation < 1024)
        {
            failures.Add(prefix + "MaxUploadBytesPerConversation must be at least 1024.");
        }

        if (options.MaxUploadStorageBytes < options.MaxUploadBytesPerConversation)
        {
            failures.Add(prefix + "MaxUploadStorageBytes must be at least MaxUploadBytesPerConversation.");
        }

        if (options.RatePerMinute < 1)
        {
            failures.Add(prefix + "RatePerMinute must be at least 1.");
        }

        if (options.IpRatePerMinute < 1)
        {
            failures.Add(prefix + "IpRatePerMinute must be at least 1.");
        }

        if (options.KeepAliveInterval < TimeSpan.FromSeconds(1) || options.KeepAliveInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add(prefix + "KeepAliveInterval must be between 00:00:01 and 00:05:00.");
        }

        if (string.IsNullOrWhiteSpace(options.BotName))
        {
            failures.Add(prefix + "BotName must not be empty.");
        }

        if (options.SigningKey.Length > 0 && DecodedLength(options.SigningKey) < 32)
        {
            failures.Add(prefix + "SigningKey must be empty (generated) or base64 of at least 32 bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && !value.EndsWith('/') && uri.Query.Length == 0 && uri.UserInfo.Length == 0;

    private static int DecodedLength(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? written : 0;
    }
}
