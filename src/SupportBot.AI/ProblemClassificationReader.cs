using System.Text.Json;
using SupportBot.Core.Understanding;

namespace SupportBot.AI;

/// <summary>Reads the model's classification strictly: one JSON object with exactly <c>problem</c> (a string) and
/// <c>details</c> (an array of objects with exactly <c>kind</c> and <c>value</c>, both strings). Anything else (prose,
/// a code fence, extra fields, wrong types) is no answer: the engine then behaves as with AI off. The values are not
/// judged here; the engine checks them against the catalog, the message and its recognizers.</summary>
internal static class ProblemClassificationReader
{
    private const int MaxDetails = 12;

    /// <summary>The classification, or null with <paramref name="reason"/> saying why there is none.</summary>
    public static ProblemClassification? Read(string text, out string reason)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return Read(document.RootElement, out reason);
        }
        catch (JsonException)
        {
            reason = "not JSON";
            return null;
        }
    }

    private static ProblemClassification? Read(JsonElement root, out string reason)
    {
        if (root.ValueKind != JsonValueKind.Object || CountProperties(root) != 2
            || !root.TryGetProperty("problem", out var problem) || problem.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            reason = "not of the asked shape";
            return null;
        }

        var id = problem.GetString()!;
        if (id is ProblemClassificationPrompt.Unknown or "")
        {
            reason = "the model could not tell";
            return null;
        }

        if (details.GetArrayLength() > MaxDetails)
        {
            reason = "too many details";
            return null;
        }

        var found = new List<ClassifiedDetail>();
        foreach (var detail in details.EnumerateArray())
        {
            if (detail.ValueKind != JsonValueKind.Object || CountProperties(detail) != 2
                || !detail.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String
                || !detail.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
            {
                reason = "a detail not of the asked shape";
                return null;
            }

            found.Add(new ClassifiedDetail(kind.GetString()!, value.GetString()!));
        }

        reason = string.Empty;
        return new ProblemClassification(id, found);
    }

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var _ in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
