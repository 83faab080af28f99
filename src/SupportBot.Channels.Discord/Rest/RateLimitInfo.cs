using System.Globalization;
using System.Net.Http.Headers;

namespace SupportBot.Channels.Discord.Rest;

/// <summary>The rate-limit headers of one response, parsed once (protocols.md B.9).</summary>
/// <param name="Bucket"><c>X-RateLimit-Bucket</c>.</param>
/// <param name="Remaining"><c>X-RateLimit-Remaining</c>.</param>
/// <param name="ResetAfter"><c>X-RateLimit-Reset-After</c>.</param>
/// <param name="RetryAfter"><c>Retry-After</c> (429 only).</param>
/// <param name="IsGlobal"><c>X-RateLimit-Global: true</c> (429 only).</param>
internal readonly record struct RateLimitInfo(
    string? Bucket, int? Remaining, TimeSpan? ResetAfter, TimeSpan? RetryAfter, bool IsGlobal)
{
    public static RateLimitInfo From(HttpResponseHeaders headers) => new(
        Header(headers, "X-RateLimit-Bucket"),
        int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
            ? r
            : null,
        Seconds(Header(headers, "X-RateLimit-Reset-After")),
        Seconds(Header(headers, "Retry-After")),
        string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase));

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : null;
}
