using System.Runtime.CompilerServices;
using System.Text;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Reads <c>dialogs/texts/safety.yaml</c> for the tests. Core.Tests has no YAML package, so this handles
/// exactly the subset the file uses: <c>key:</c> at two spaces, <c>locale: text</c> at four, with plain, quoted,
/// <c>|-</c> (lines kept) or <c>&gt;-</c> (lines folded, a blank line is a line break) values at six.</summary>
internal static class SafetyTextsFile
{
    public static IReadOnlyDictionary<string, LocalizedText> Load()
    {
        var lines = File.ReadAllLines(Locate());
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string? key = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Indent(line) == 2 && line.TrimEnd().EndsWith(':'))
            {
                key = line.Trim().TrimEnd(':');
                texts[key] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (Indent(line) == 4 && key is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var locale = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (value is "|-" or ">-")
                {
                    var block = new List<string>();
                    while (i + 1 < lines.Length && (lines[i + 1].Length == 0 || Indent(lines[i + 1]) >= 6))
                    {
                        block.Add(lines[++i].Trim());
                    }

                    value = value == "|-" ? string.Join('\n', block).Trim() : Fold(block);
                }
                else if (value.StartsWith('"'))
                {
                    value = value[1..^1];
                }

                texts[key][locale] = value;
            }
        }

        return texts.ToDictionary(p => p.Key, p => new LocalizedText(p.Value), StringComparer.Ordinal);
    }

    public static DialogCatalog Catalog() => new([], Load(), new Dictionary<string, IReadOnlyList<string>>(), []);

    private static string Fold(List<string> block)
    {
        var text = new StringBuilder();
        foreach (var line in block)
        {
            text.Append(line.Length == 0 ? "\n" : text.Length == 0 || text[^1] == '\n' ? line : " " + line);
        }

        return text.ToString().Trim();
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>The file, found from this source file's folder (the build output may live anywhere, e.g. under an
    /// artifacts path), then from the output folder and the working directory.</summary>
    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "dialogs", "texts", "safety.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("dialogs/texts/safety.yaml not found above " + sourceFile);
    }
}
