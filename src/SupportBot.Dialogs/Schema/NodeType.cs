namespace SupportBot.Dialogs.Schema;

/// <summary>The JSON Schema type a YAML node counts as.</summary>
internal enum NodeType
{
    /// <summary>An empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    Null,

    /// <summary>A plain <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A plain decimal integer.</summary>
    Integer,

    /// <summary>A plain non-integer number.</summary>
    Number,

    /// <summary>Any other scalar, and every quoted or block scalar.</summary>
    String,

    /// <summary>A mapping.</summary>
    Object,

    /// <summary>A sequence.</summary>
    Array,
}
