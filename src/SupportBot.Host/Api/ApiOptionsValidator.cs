using System.Globalization;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Api;

/// <summary>Refuses to start with a key entry that has no name, a short key, or a name or key used twice. Messages
/// name the entry by its index and name, never by its key.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var entry = options.Keys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Api:Keys:{i}");
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                failures.Add($"{at} has no Name (the integration's name, e.g. helpdesk).");
            }
            else if (!entry.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                failures.Add($"{at} Name '{entry.Name}' may hold only letters, digits, '-', '_' and '.'.");
            }
            else if (!names.Add(entry.Name))
            {
                failures.Add($"{at} Name '{entry.Name}' is used by another key.");
            }

            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Trim().Length < ApiOptions.MinKeyLength)
            {
                failures.Add($"{at} ({entry.Name}) needs a Key of at least {ApiOptions.MinKeyLength} characters "
                    + "(e.g. from: openssl rand -hex 32).");
            }
            else if (!keys.Add(entry.Key.Trim()))
            {
                failures.Add($"{at} ({entry.Name}) has the same Key as another entry; give each integration its own.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
