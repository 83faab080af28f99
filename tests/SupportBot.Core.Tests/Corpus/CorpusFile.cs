using SupportBot.Testing;

namespace SupportBot.Core.Tests.Corpus;

/// <summary>Reads the corpus files in tests/SupportBot.Core.Tests/Corpus.
/// first-messages.txt: one case a line, <c>problem | detail ids given | message</c>.
/// conversations.txt: <c>## problem name</c> starts a case; <c>&gt; ids | message</c> is a user message;
/// <c>? check</c> lines check the answer to the message before them. Lines starting with # are comments.</summary>
internal static class CorpusFile
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "SupportBot.Core.Tests", "Corpus");

    public static List<CorpusCase> FirstMessages()
    {
        var cases = new List<CorpusCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(Folder, "first-messages.txt")))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('|', 3);
            if (parts.Length != 3)
            {
                throw new FormatException($"first-messages.txt:{lineNumber}: expected 'problem | ids | message'");
            }

            cases.Add(new CorpusCase(
                "first-messages.txt:" + lineNumber,
                parts[0].Trim(),
                [new CorpusTurn(parts[2].Trim(), Ids(parts[1]), [])]));
        }

        return cases;
    }

    public static List<CorpusCase> Conversations()
    {
        var cases = new List<CorpusCase>();
        string? problem = null;
        string? name = null;
        var turns = new List<CorpusTurn>();
        var lineNumber = 0;

        void Flush()
        {
            if (problem is not null)
            {
                cases.Add(new CorpusCase(name!, problem, [.. turns]));
            }

            turns.Clear();
        }

        foreach (var line in File.ReadLines(Path.Combine(Folder, "conversations.txt")))
        {
            lineNumber++;
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                var header = line[3..].Trim().Split(' ', 2);
                problem = header[0];
                name = $"conversations.txt:{lineNumber} {(header.Length > 1 ? header[1] : "")}";
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                var parts = line[2..].Split('|', 2);
                turns.Add(new CorpusTurn(parts[1].Trim(), Ids(parts[0]), []));
            }
            else if (line.StartsWith("? ", StringComparison.Ordinal))
            {
                var last = turns[^1];
                turns[^1] = last with { Checks = [.. last.Checks, line[2..].Trim()] };
            }
        }

        Flush();
        return cases;
    }

    private static List<string> Ids(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
