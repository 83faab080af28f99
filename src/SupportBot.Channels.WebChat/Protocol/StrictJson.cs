using System.Buffers;
using System.Text.Json;

namespace SupportBot.Channels.WebChat.Protocol;

/// <summary>Parses a request body as strict JSON (I-JSON, RFC 7493): one value, no repeated property name in any
/// object, every string and name valid Unicode (no lone surrogate escape, no invalid UTF-8), nesting at most
/// <see cref="MaxDepth"/>. Anything else is refused up front with a reason that quotes nothing of the body, so no
/// later read of a field can throw half way through a turn.</summary>
public static class StrictJson
{
    /// <summary>The deepest nesting accepted (Bot Framework activities are shallow).</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The parsed document (dispose it), or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body, out string? problem)
    {
        if (!CheckTokens(body.Span, out problem))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            // The token pass accepted the syntax, so what is left is a repeated property name.
            problem = "The body repeats a property name in one object.";
            return null;
        }
    }

    /// <summary>One pass over the tokens: syntax, depth, and every string decodes to valid UTF-16.</summary>
    private static bool CheckTokens(ReadOnlySpan<byte> body, out string? problem)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        char[]? rented = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                {
                    continue;
                }

                var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                if (rented is null || rented.Length < length)
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }

                    rented = ArrayPool<char>.Shared.Rent(Math.Max(length, 256));
                }

                try
                {
                    reader.CopyString(rented);
                }
                catch (InvalidOperationException)
                {
                    problem = "The body holds a string that is not valid Unicode (a lone surrogate or invalid UTF-8).";
                    return false;
                }
            }

            problem = null;
            return true;
        }
        catch (JsonException)
        {
            problem = "The body is not valid JSON.";
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
