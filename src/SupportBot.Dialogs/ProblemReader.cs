using System.Text.RegularExpressions;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;
using SupportBot.Dialogs.Schema;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs;

/// <summary>Reads one <c>kind: problem</c> document into a <see cref="ProblemDefinition"/> and makes the checks
/// within one problem that the schema cannot express.</summary>
internal static class ProblemReader
{
    private static readonly LocalizedText Missing = new(new Dictionary<string, string>());

    /// <summary>The problem, or null when it has no id. <paramref name="schemaValid"/> says whether the document
    /// passed the schema; checks that merely repeat the schema run only then, so one mistake is reported
    /// once.</summary>
    public static ProblemDefinition? Read(DialogFile file, YamlNode root, bool schemaValid, LoadErrors errors)
    {
        var details = ReadDetails(file, YamlRead.Get(root, "details"), schemaValid, errors);
        if (YamlRead.Scalar(YamlRead.Get(root, "id")) is not { } id)
        {
            return null;
        }

        return new ProblemDefinition
        {
            Id = id,
            Order = ReadInt(file, root, "order", "order", schemaValid, errors) ?? 0,
            Priority = ReadPriority(file, YamlRead.Get(root, "priority"), schemaValid, errors),
            Title = YamlRead.Text(YamlRead.Get(root, "title")) ?? Missing,
            Keywords = YamlRead.Phrases(YamlRead.Get(root, "keywords")),
            SelfHelp = YamlRead.Text(YamlRead.Get(root, "selfHelp")),
            Details = details,
            SourceFile = file.Relative,
        };
    }

    private static List<DetailDefinition> ReadDetails(
        DialogFile file, YamlNode? node, bool schemaValid, LoadErrors errors)
    {
        var details = new List<DetailDefinition>();
        var firstById = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in YamlRead.Items(node))
        {
            var path = $"details[{index++}]";
            var idNode = YamlRead.Get(item, "id");
            var id = YamlRead.Scalar(idNode);
            if (id is not null && idNode is not null && !firstById.TryAdd(id, idNode))
            {
                errors.Add(file, idNode.Start,
                    $"detail id {SchemaValidator.Quote(id)} is used twice in this problem "
                    + $"(first at line {firstById[id].Start.Line})");
            }

            var kindNode = YamlRead.Get(item, "kind");
            var kind = YamlRead.Scalar(kindNode);
            if (schemaValid && kind is not null && !SlotKinds.All.Contains(kind))
            {
                // The schema's kind enum and SlotKinds.All are kept equal by a test; this guards a hand-edited schema.
                errors.Add(file, kindNode!.Start, $"'{path}.kind' {SchemaValidator.Quote(kind)} has no recognizer "
                    + $"(known: {string.Join(", ", SlotKinds.All)})");
            }

            var patternNode = YamlRead.Get(item, "pattern");
            var pattern = YamlRead.Scalar(patternNode);
            if (pattern is not null && CompileError(pattern) is { } reason)
            {
                errors.Add(file, patternNode!.Start, $"'{path}.pattern' is not a usable regular expression: {reason}");
            }

            details.Add(new DetailDefinition
            {
                Id = id ?? "",
                Kind = kind ?? "",
                Title = YamlRead.Text(YamlRead.Get(item, "title")) ?? Missing,
                Prompt = YamlRead.Text(YamlRead.Get(item, "prompt")),
                Required = YamlTypes.Boolean(YamlRead.Get(item, "required")) ?? true,
                Pattern = pattern,
                MaxCount = ReadInt(file, item, "maxCount", path + ".maxCount", schemaValid, errors),
                MaxBytes = YamlTypes.Integer(YamlRead.Get(item, "maxBytes")),
            });
        }

        return details;
    }

    private static string? CompileError(string pattern)
    {
        // Checked by the recognizers' own matcher, so start-up refuses exactly what would fail at the first message
        // (NonBacktracking rejects backreferences and lookarounds); this also warms its cache.
        if (PatternMatcher.IsValid(pattern, out var error))
        {
            return null;
        }

        try
        {
            // The matcher's message is about the pattern as it wraps it; the operator's own pattern reads better.
            _ = new Regex(pattern, RegexOptions.NonBacktracking);
            return error ?? "rejected by the recognizer";
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return ex.Message;
        }
    }

    private static int? ReadInt(
        DialogFile file, YamlNode node, string key, string path, bool schemaValid, LoadErrors errors)
    {
        var valueNode = YamlRead.Get(node, key);
        var value = YamlTypes.Integer(valueNode);
        if (value is null or (>= int.MinValue and <= int.MaxValue))
        {
            return (int?)value;
        }

        if (schemaValid)
        {
            errors.Add(file, valueNode!.Start, $"'{path}' is too large");
        }

        return null;
    }

    private static TicketPriority ReadPriority(DialogFile file, YamlNode? node, bool schemaValid, LoadErrors errors)
    {
        switch (YamlRead.Scalar(node))
        {
            case null: return TicketPriority.Normal;
            case "urgent": return TicketPriority.Urgent;
            case "high": return TicketPriority.High;
            case "normal": return TicketPriority.Normal;
            case "low": return TicketPriority.Low;
            case var other:
                if (schemaValid)
                {
                    errors.Add(file, node!.Start, $"'priority' {SchemaValidator.Quote(other)} is not a ticket "
                        + "priority (urgent, high, normal, low)");
                }

                return TicketPriority.Normal;
        }
    }
}
