using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Schema;

/// <summary>One compiled (sub)schema of the JSON Schema subset the loader understands. Null members are absent
/// keywords.</summary>
internal sealed class SchemaNode
{
    /// <summary>The JSON pointer of this schema in the schema file, for diagnostics (<c>#/$defs/detail</c>).</summary>
    public required string Pointer { get; init; }

    /// <summary>A boolean schema <c>false</c>: nothing is valid.</summary>
    public bool RejectsEverything { get; set; }

    /// <summary><c>type</c>.</summary>
    public IReadOnlyList<NodeType>? Types { get; set; }

    /// <summary><c>properties</c>, in the order the schema lists them (used to list the allowed names).</summary>
    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; set; }

    /// <summary><c>required</c>.</summary>
    public IReadOnlyList<string>? Required { get; set; }

    /// <summary><c>additionalProperties</c>; a schema that <see cref="RejectsEverything"/> when it was false.</summary>
    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary><c>propertyNames</c>.</summary>
    public SchemaNode? PropertyNames { get; set; }

    /// <summary><c>enum</c>, each value typed.</summary>
    public IReadOnlyList<(NodeType Type, string Value)>? Enum { get; set; }

    /// <summary><c>const</c>, typed.</summary>
    public (NodeType Type, string Value)? Const { get; set; }

    /// <summary><c>pattern</c>, compiled.</summary>
    public Regex? Pattern { get; set; }

    /// <summary><c>minLength</c>.</summary>
    public int? MinLength { get; set; }

    /// <summary><c>maxLength</c>.</summary>
    public int? MaxLength { get; set; }

    /// <summary><c>minimum</c>.</summary>
    public decimal? Minimum { get; set; }

    /// <summary><c>maximum</c>.</summary>
    public decimal? Maximum { get; set; }

    /// <summary><c>items</c>.</summary>
    public SchemaNode? Items { get; set; }

    /// <summary><c>minItems</c>.</summary>
    public int? MinItems { get; set; }

    /// <summary><c>maxItems</c>.</summary>
    public int? MaxItems { get; set; }

    /// <summary><c>$ref</c> as written; <see cref="Ref"/> after resolution.</summary>
    public string? RefPointer { get; set; }

    /// <summary>The schema <see cref="RefPointer"/> points at.</summary>
    public SchemaNode? Ref { get; set; }

    /// <summary><c>allOf</c>.</summary>
    public IReadOnlyList<SchemaNode>? AllOf { get; set; }

    /// <summary><c>anyOf</c>.</summary>
    public IReadOnlyList<SchemaNode>? AnyOf { get; set; }

    /// <summary><c>oneOf</c>.</summary>
    public IReadOnlyList<SchemaNode>? OneOf { get; set; }

    /// <summary><c>if</c>.</summary>
    public SchemaNode? If { get; set; }

    /// <summary><c>then</c>.</summary>
    public SchemaNode? Then { get; set; }

    /// <summary><c>else</c>.</summary>
    public SchemaNode? Else { get; set; }
}
