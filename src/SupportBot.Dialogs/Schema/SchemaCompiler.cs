using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Schema;

/// <summary>Compiles the shipped JSON Schema into <see cref="SchemaNode"/>s. A keyword the validator does not
/// implement is refused rather than ignored, so the schema can never promise a check the loader does not
/// make.</summary>
internal sealed class SchemaCompiler
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "markdownDescription", "default", "examples",
        "deprecated",
    };

    // Wall-clock time: 100 ms timed out on a valid text key on a busy machine, and the loader then refused the
    // dialogs with a false "not a valid name". Our schema's patterns are linear; this only bounds a broken one.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly List<string> _errors = [];
    private readonly Dictionary<string, SchemaNode> _byPointer = new(StringComparer.Ordinal);
    private readonly List<SchemaNode> _withRefs = [];

    /// <summary>Compiles <paramref name="root"/>; the root schema is null when <paramref name="errors"/> is not
    /// empty.</summary>
    public static SchemaNode? Compile(JsonElement root, out IReadOnlyList<string> errors)
    {
        var compiler = new SchemaCompiler();
        var node = compiler.CompileNode(root, "#");
        compiler.ResolveRefs();
        errors = compiler._errors;
        return compiler._errors.Count == 0 ? node : null;
    }

    private SchemaNode CompileNode(JsonElement element, string pointer)
    {
        var node = new SchemaNode { Pointer = pointer };
        _byPointer[pointer] = node;
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return node;
            case JsonValueKind.False:
                node.RejectsEverything = true;
                return node;
            case JsonValueKind.Object:
                break;
            default:
                _errors.Add($"{pointer}: a schema must be an object or a boolean");
                return node;
        }

        foreach (var keyword in element.EnumerateObject())
        {
            CompileKeyword(node, keyword, pointer + "/" + Escape(keyword.Name));
        }

        return node;
    }

    private void CompileKeyword(SchemaNode node, JsonProperty keyword, string at)
    {
        var value = keyword.Value;
        switch (keyword.Name)
        {
            case var name when Annotations.Contains(name):
                break;
            case "$defs":
                foreach (var def in Members(value, at))
                {
                    CompileNode(def.Value, at + "/" + Escape(def.Name));
                }

                break;
            case "type":
                node.Types = value.ValueKind == JsonValueKind.Array
                    ? [.. value.EnumerateArray().Select(t => ParseType(t, at))]
                    : [ParseType(value, at)];
                break;
            case "properties":
                node.Properties = Members(value, at)
                    .ToDictionary(p => p.Name, p => CompileNode(p.Value, at + "/" + Escape(p.Name)),
                        StringComparer.Ordinal);
                break;
            case "required":
                node.Required = [.. Items(value, at).Select(r => String(r, at))];
                break;
            case "additionalProperties":
                node.AdditionalProperties = CompileNode(value, at);
                break;
            case "propertyNames":
                node.PropertyNames = CompileNode(value, at);
                break;
            case "enum":
                node.Enum = [.. Items(value, at).Select(v => Typed(v, at))];
                break;
            case "const":
                node.Const = Typed(value, at);
                break;
            case "pattern":
                node.Pattern = CompilePattern(String(value, at), at);
                break;
            case "minLength":
                node.MinLength = Count(value, at);
                break;
            case "maxLength":
                node.MaxLength = Count(value, at);
                break;
            case "minItems":
                node.MinItems = Count(value, at);
                break;
            case "maxItems":
                node.MaxItems = Count(value, at);
                break;
            case "minimum":
                node.Minimum = Number(value, at);
                break;
            case "maximum":
                node.Maximum = Number(value, at);
                break;
            case "items":
                node.Items = CompileNode(value, at);
                break;
            case "$ref":
                node.RefPointer = String(value, at);
                _withRefs.Add(node);
                break;
            case "allOf":
                node.AllOf = CompileList(value, at);
                break;
            case "anyOf":
                node.AnyOf = CompileList(value, at);
                break;
            case "oneOf":
                node.OneOf = CompileList(value, at);
                break;
            case "if":
                node.If = CompileNode(value, at);
                break;
            case "then":
                node.Then = CompileNode(value, at);
                break;
            case "else":
                node.Else = CompileNode(value, at);
                break;
            default:
                _errors.Add(
                    $"{at}: unsupported keyword '{keyword.Name}' (the loader cannot check it, so it refuses it)");
                break;
        }
    }

    private void ResolveRefs()
    {
        foreach (var node in _withRefs)
        {
            // Only local pointers: the schema is one self-contained file.
            if (_byPointer.TryGetValue(node.RefPointer!, out var target))
            {
                node.Ref = target;
            }
            else
            {
                _errors.Add($"{node.Pointer}: $ref '{node.RefPointer}' points at nothing in this file");
            }
        }
    }

    private SchemaNode[] CompileList(JsonElement value, string at) =>
        [
            .. Items(value, at)
                .Select((item, i) => CompileNode(item, at + "/" + i.ToString(CultureInfo.InvariantCulture))),
        ];

    private Regex? CompilePattern(string pattern, string at)
    {
        try
        {
            // The interpreter starts far faster than NonBacktracking (whose automaton is built on first use and cost
            // tens of milliseconds of start-up); the timeout keeps a careless pattern from hanging start-up instead.
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            _errors.Add($"{at}: invalid pattern: {ex.Message}");
            return null;
        }
    }

    private NodeType ParseType(JsonElement value, string at)
    {
        switch (String(value, at))
        {
            case "object": return NodeType.Object;
            case "array": return NodeType.Array;
            case "string": return NodeType.String;
            case "integer": return NodeType.Integer;
            case "number": return NodeType.Number;
            case "boolean": return NodeType.Boolean;
            case "null": return NodeType.Null;
            case var other:
                _errors.Add($"{at}: unknown type '{other}'");
                return NodeType.Null;
        }
    }

    private (NodeType Type, string Value) Typed(JsonElement value, string at)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String: return (NodeType.String, value.GetString()!);
            case JsonValueKind.True: return (NodeType.Boolean, "true");
            case JsonValueKind.False: return (NodeType.Boolean, "false");
            case JsonValueKind.Null: return (NodeType.Null, "");
            case JsonValueKind.Number when value.TryGetInt64(out var integer):
                return (NodeType.Integer, integer.ToString(CultureInfo.InvariantCulture));
            case JsonValueKind.Number:
                return (NodeType.Number, value.GetDecimal().ToString(CultureInfo.InvariantCulture));
            default:
                _errors.Add($"{at}: only scalar values are supported in enum and const");
                return (NodeType.Null, "");
        }
    }

    private JsonProperty[] Members(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return [.. value.EnumerateObject()];
        }

        _errors.Add($"{at}: must be an object");
        return [];
    }

    private JsonElement[] Items(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return [.. value.EnumerateArray()];
        }

        _errors.Add($"{at}: must be an array");
        return [];
    }

    private string String(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        _errors.Add($"{at}: must be a string");
        return "";
    }

    private int? Count(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0)
        {
            return count;
        }

        _errors.Add($"{at}: must be a non-negative integer");
        return null;
    }

    private decimal? Number(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        _errors.Add($"{at}: must be a number");
        return null;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal)
        .Replace("/", "~1", StringComparison.Ordinal);
}
