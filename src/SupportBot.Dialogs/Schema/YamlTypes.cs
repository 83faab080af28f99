using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs.Schema;

/// <summary>Types YAML nodes the way the YAML 1.2 core schema (and editors' YAML language servers) do, so that the
/// loader and the editor agree on what <c>order: 10</c> or <c>en: 123</c> is.</summary>
internal static partial class YamlTypes
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>The type of <paramref name="node"/>.</summary>
    public static NodeType Of(YamlNode node) => node switch
    {
        YamlMappingNode => NodeType.Object,
        YamlSequenceNode => NodeType.Array,
        YamlScalarNode scalar => OfScalar(scalar),
        _ => NodeType.Null,
    };

    /// <summary>The value of an integer scalar, or null when it is not one.</summary>
    public static long? Integer(YamlNode? node) =>
        node is YamlScalarNode scalar && OfScalar(scalar) == NodeType.Integer
        && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The value of a boolean scalar, or null when it is not one.</summary>
    public static bool? Boolean(YamlNode? node) =>
        node is YamlScalarNode scalar && OfScalar(scalar) == NodeType.Boolean
            ? scalar.Value!.Equals("true", StringComparison.OrdinalIgnoreCase)
            : null;

    /// <summary>How an error message names a type: "a mapping", "an integer" ….</summary>
    public static string Describe(NodeType type) => type switch
    {
        NodeType.Null => "empty",
        NodeType.Boolean => "true or false",
        NodeType.Integer => "an integer",
        NodeType.Number => "a number",
        NodeType.String => "a string",
        NodeType.Object => "a mapping (key: value)",
        _ => "a list",
    };

    private static NodeType OfScalar(YamlScalarNode scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return scalar.Tag.Value switch
            {
                TagPrefix + "str" => NodeType.String,
                TagPrefix + "int" => NodeType.Integer,
                TagPrefix + "float" => NodeType.Number,
                TagPrefix + "bool" => NodeType.Boolean,
                TagPrefix + "null" => NodeType.Null,
                _ => NodeType.String,
            };
        }

        // Only plain scalars are resolved; anything quoted or written as a block is a string.
        if (scalar.Style != ScalarStyle.Plain)
        {
            return NodeType.String;
        }

        var value = scalar.Value ?? "";
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => NodeType.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => NodeType.Boolean,
            _ when IntegerPattern().IsMatch(value) => NodeType.Integer,
            _ when NumberPattern().IsMatch(value) => NodeType.Number,
            _ => NodeType.String,
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
