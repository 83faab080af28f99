using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Host.Api;

/// <summary>Reads a JSON body with the API's own settings and turns every way it can be wrong (empty, not JSON,
/// wrong types, unknown properties, too big) into a 400 that says what is wrong. The body's text is never echoed
/// whole: it may hold what a user wrote.</summary>
internal static class ApiBody
{
    /// <summary>Larger bodies are refused; a reply is at most a few KB.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.BadRequest($"The body is larger than {MaxBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, ApiProblems.BadRequest($"The body is larger than {MaxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ApiProblems.BadRequest("The body is empty; send a JSON object such as " + example + "."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type);
            return value is null
                ? (null, ApiProblems.BadRequest("The body is null; send a JSON object such as " + example + "."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest("The body is not valid JSON for this request: " + ex.Message
                + " Send a JSON object such as " + example + "."));
        }
    }
}
