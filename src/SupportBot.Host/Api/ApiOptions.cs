namespace SupportBot.Host.Api;

/// <summary>The REST API's settings. Shape in appsettings.json:
/// <code>"Api": { "Keys": [ { "Name": "helpdesk", "Key": "a-long-random-string" } ] }</code>
/// No keys: the API is disabled and every <c>/api</c> request answers 404 saying so.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Api";

    /// <summary>The shortest key accepted, so a guessable key fails start-up instead of guarding the API.</summary>
    public const int MinKeyLength = 16;

    /// <summary>The integrations allowed in, each with its own key (so one can be revoked alone).</summary>
    public IList<ApiKeyOptions> Keys { get; set; } = [];
}
