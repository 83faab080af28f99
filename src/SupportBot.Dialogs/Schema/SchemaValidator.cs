using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs.Schema;

/// <summary>Checks a YAML node tree against a compiled <see cref="SchemaNode"/>. Working on the YAML nodes (rather
/// than on JSON converted from them) keeps every node's line and column for the error.</summary>
internal static class SchemaValidator
{
    private const int MaxQuoted = 40;

    /// <summary>The errors of <paramref name="document"/> against <paramref name="schema"/>, in document
    /// order.</summary>
    public static List<SchemaError> Validate(SchemaNode schema, YamlNode document)
    {
        var errors = new List<SchemaError>();
        Check(schema, document, "", errors);
        return errors;
    }

    /// <summary>A short, single-line rendering of a name or value for a message; long texts are cut.</summary>
    public static string Quote(string? value)
    {
        var text = (value ?? "").ReplaceLineEndings(" ");
        return "'" + (text.Length > MaxQuoted ? text[..MaxQuoted] + "…" : text) + "'";
    }

    private static void Check(SchemaNode schema, YamlNode node, string path, List<SchemaError> errors)
    {
        if (schema.RejectsEverything)
        {
            errors.Add(new(node.Start, $"{Name(path)} is not allowed here"));
            return;
        }

        if (schema.Ref is { } target)
        {
            Check(target, node, path, errors);
        }

        var type = YamlTypes.Of(node);
        if (schema.Types is { } types
            && !types.Any(t => t == type || (t == NodeType.Number && type == NodeType.Integer)))
        {
            var looksLikeText = type is NodeType.Integer or NodeType.Number or NodeType.Boolean;
            var hint = types.Contains(NodeType.String) && looksLikeText ? " (put it in quotes)" : "";
            var expected = string.Join(" or ", types.Select(YamlTypes.Describe));
            errors.Add(new(node.Start, $"{Name(path)} must be {expected} but is {YamlTypes.Describe(type)}{hint}"));
            return;
        }

        if (node is not YamlScalarNode && (schema.Enum is not null || schema.Const is not null))
        {
            var allowed = schema.Enum?.Select(a => a.Value) ?? [schema.Const!.Value.Value];
            errors.Add(new(node.Start, $"{Name(path)} must be one of {string.Join(", ", allowed)}"));
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                CheckScalar(schema, scalar, type, path, errors);
                break;
            case YamlMappingNode mapping:
                CheckMapping(schema, mapping, path, errors);
                break;
            case YamlSequenceNode sequence:
                CheckSequence(schema, sequence, path, errors);
                break;
        }

        CheckCombinators(schema, node, path, errors);
    }

    private static void CheckScalar(
        SchemaNode schema, YamlScalarNode scalar, NodeType type, string path, List<SchemaError> errors)
    {
        var value = scalar.Value ?? "";
        if (schema.Enum is { } allowed && !allowed.Any(a => Matches(a, type, value)))
        {
            var list = string.Join(", ", allowed.Select(a => a.Value));
            errors.Add(new(scalar.Start, $"{Name(path)} must be one of {list} (got {Quote(value)})"));
        }

        if (schema.Const is { } constant && !Matches(constant, type, value))
        {
            errors.Add(new(scalar.Start, $"{Name(path)} must be {Quote(constant.Value)}"));
        }

        if (type == NodeType.String)
        {
            var length = value.EnumerateRunes().Count();
            if (schema.MinLength is { } min && length < min)
            {
                errors.Add(new(scalar.Start, min == 1
                    ? $"{Name(path)} must not be empty"
                    : $"{Name(path)} must be at least {min} characters long"));
            }

            if (schema.MaxLength is { } max && length > max)
            {
                errors.Add(new(scalar.Start, $"{Name(path)} must be at most {max} characters long"));
            }

            if (schema.Pattern is { } pattern && !IsMatch(pattern, value))
            {
                errors.Add(new(scalar.Start, $"{Name(path)} must match {pattern} (got {Quote(value)})"));
            }
        }

        if (type is NodeType.Integer or NodeType.Number
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (schema.Minimum is { } minimum && number < minimum)
            {
                errors.Add(new(scalar.Start, $"{Name(path)} must be at least {minimum}"));
            }

            if (schema.Maximum is { } maximum && number > maximum)
            {
                errors.Add(new(scalar.Start, $"{Name(path)} must be at most {maximum}"));
            }
        }
    }

    private static void CheckMapping(SchemaNode schema, YamlMappingNode mapping, string path, List<SchemaError> errors)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                errors.Add(new(keyNode.Start, $"keys in {Name(path)} must be plain names"));
                continue;
            }

            present.Add(key);
            var childPath = path.Length == 0 ? key : path + "." + key;
            if (schema.PropertyNames is { } names && HasErrors(names, keyNode, childPath))
            {
                var rule = names.Pattern is { } p ? $" (must match {p})" : "";
                errors.Add(new(keyNode.Start, $"key {Quote(key)} in {Name(path)} is not a valid name{rule}"));
            }

            if (schema.Properties is { } properties && properties.TryGetValue(key, out var property))
            {
                Check(property, valueNode, childPath, errors);
            }
            else if (schema.AdditionalProperties is { RejectsEverything: true })
            {
                var where = path.Length == 0 ? "" : $" in {Name(path)}";
                var allowed = schema.Properties is { Count: > 0 } known
                    ? $" (allowed: {string.Join(", ", known.Keys)})"
                    : "";
                errors.Add(new(keyNode.Start, $"unknown property {Quote(key)}{where}{allowed}"));
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(additional, valueNode, childPath, errors);
            }
        }

        foreach (var name in schema.Required ?? [])
        {
            if (!present.Contains(name))
            {
                var where = path.Length == 0 ? "" : $" in {Name(path)}";
                errors.Add(new(mapping.Start, $"missing property {Quote(name)}{where}"));
            }
        }
    }

    private static void CheckSequence(
        SchemaNode schema, YamlSequenceNode sequence, string path, List<SchemaError> errors)
    {
        var count = sequence.Children.Count;
        if (schema.MinItems is { } min && count < min)
        {
            errors.Add(new(sequence.Start, $"{Name(path)} needs at least {min} item{(min == 1 ? "" : "s")}"));
        }

        if (schema.MaxItems is { } max && count > max)
        {
            errors.Add(new(sequence.Start, $"{Name(path)} may have at most {max} item{(max == 1 ? "" : "s")}"));
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < count; i++)
            {
                Check(items, sequence.Children[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
            }
        }
    }

    private static void CheckCombinators(SchemaNode schema, YamlNode node, string path, List<SchemaError> errors)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Check(part, node, path, errors);
        }

        if (schema.If is { } condition)
        {
            var branch = HasErrors(condition, node, path) ? schema.Else : schema.Then;
            if (branch is not null)
            {
                Check(branch, node, path, errors);
            }
        }

        if (schema.AnyOf is { } any)
        {
            var results = any.Select(s => Run(s, node, path)).ToList();
            if (!results.Exists(r => r.Count == 0))
            {
                errors.AddRange(results.MinBy(r => r.Count)!);
            }
        }

        if (schema.OneOf is { } one)
        {
            var results = one.Select(s => Run(s, node, path)).ToList();
            var passing = results.Count(r => r.Count == 0);
            if (passing == 0)
            {
                // The branch that came closest is almost always the one the author meant.
                errors.AddRange(results.MinBy(r => r.Count)!);
            }
            else if (passing > 1)
            {
                errors.Add(new(node.Start, $"{Name(path)} matches more than one of the allowed shapes"));
            }
        }
    }

    private static bool IsMatch(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A schema pattern that backtracks this badly is a schema bug; treat the value as not matching.
            return false;
        }
    }

    private static List<SchemaError> Run(SchemaNode schema, YamlNode node, string path)
    {
        var errors = new List<SchemaError>();
        Check(schema, node, path, errors);
        return errors;
    }

    private static bool HasErrors(SchemaNode schema, YamlNode node, string path) => Run(schema, node, path).Count > 0;

    private static bool Matches((NodeType Type, string Value) expected, NodeType type, string value) =>
        expected.Type switch
        {
            NodeType.String => type == NodeType.String && value == expected.Value,
            NodeType.Boolean => type == NodeType.Boolean
                                && value.Equals(expected.Value, StringComparison.OrdinalIgnoreCase),
            NodeType.Null => type == NodeType.Null,
            _ => type is NodeType.Integer or NodeType.Number
                 && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                 && number == decimal.Parse(expected.Value, CultureInfo.InvariantCulture),
        };

    private static string Name(string path) => path.Length == 0 ? "the file" : $"'{path}'";
}
