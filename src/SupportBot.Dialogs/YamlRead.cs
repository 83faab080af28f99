using SupportBot.Core.Catalog;
using SupportBot.Dialogs.Schema;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs;

/// <summary>Tolerant readers over YAML nodes: they return null or empty for a wrong shape instead of throwing,
/// because a document is still read after schema errors (to find duplicates and missing keys) and the schema has
/// already reported the shape.</summary>
internal static class YamlRead
{
    /// <summary>The value under <paramref name="key"/> in <paramref name="node"/>, or null.</summary>
    public static YamlNode? Get(YamlNode? node, string key)
    {
        if (node is YamlMappingNode mapping)
        {
            foreach (var (k, v) in mapping.Children)
            {
                if (k is YamlScalarNode { Value: { } name } && name == key)
                {
                    return v;
                }
            }
        }

        return null;
    }

    /// <summary>The entries of a mapping with scalar keys; empty for anything else.</summary>
    public static IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Where(c => c.Key is YamlScalarNode { Value: not null })
                .Select(c => ((YamlScalarNode)c.Key, c.Value))
            : [];

    /// <summary>The items of a sequence; empty for anything else.</summary>
    public static IEnumerable<YamlNode> Items(YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>A non-empty scalar's text, or null.</summary>
    public static string? Scalar(YamlNode? node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } && YamlTypes.Of(node) != NodeType.Null ? value : null;

    /// <summary>A localized text, with whatever locales are present; null when the node is not a mapping.</summary>
    public static LocalizedText? Text(YamlNode? node)
    {
        if (node is not YamlMappingNode)
        {
            return null;
        }

        var byLocale = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node))
        {
            // Block scalars (|) end with a newline that a chat message should not carry.
            if (Scalar(value) is { } text)
            {
                byLocale[key.Value!] = text.TrimEnd();
            }
        }

        return byLocale.Count == 0 ? null : new LocalizedText(byLocale);
    }

    /// <summary>Phrases per locale; missing or malformed locales are simply absent.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases(YamlNode? node)
    {
        var byLocale = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node))
        {
            byLocale[key.Value!] = [.. Items(value).Select(Scalar).OfType<string>().Select(p => p.Trim())];
        }

        return byLocale;
    }
}
