using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;
using SupportBot.Dialogs.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs;

/// <summary>Reads the knowledge articles (<c>dialogs/knowledge/ID.LOCALE.md</c>): a YAML front matter between two
/// <c>---</c> lines, checked against <c>schema/knowledge.schema.json</c>, then paragraphs of plain text. Errors carry
/// the file and the line in that file, like the dialog files' errors.</summary>
internal static class KnowledgeReader
{
    /// <summary>The articles' folder relative to the dialogs folder.</summary>
    public const string Folder = "knowledge";

    /// <summary>The longest paragraph: each one is sent alone as a chat message.</summary>
    public const int MaxParagraphLength = 700;

    private const string Fence = "---";

    /// <summary>Reads every <c>*.md</c> under <paramref name="root"/>/knowledge; a missing folder means no articles.
    /// Checks that each article exists in every supported locale and names only known problems.</summary>
    public static List<KnowledgeArticle> ReadAll(
        string root, string folder, SchemaNode? schema, IReadOnlySet<string> problemIds, LoadErrors errors)
    {
        var articles = new List<KnowledgeArticle>();
        var directory = Path.Combine(root, Folder);
        if (!Directory.Exists(directory))
        {
            return articles;
        }

        var files = Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(r => new DialogFile(Path.Combine(root, r), r, folder + "/" + r));
        var seen = new Dictionary<(string Id, string Locale), string>();
        var someBroken = false;
        foreach (var file in files)
        {
            if (Read(file, schema, problemIds, errors) is not { } article)
            {
                someBroken = true;
                continue;
            }

            if (!seen.TryAdd((article.Id, article.Locale), file.Display))
            {
                errors.Add(file.Display, 2, 1,
                    $"article {SchemaValidator.Quote(article.Id)} in {article.Locale} is already defined in {seen[(article.Id, article.Locale)]}");
                continue;
            }

            articles.Add(article);
        }

        // A broken file's article is unknown; "missing in English" would only be noise until it is fixed.
        foreach (var ((id, locale), display) in someBroken ? [] : seen)
        {
            foreach (var other in Locales.All.Where(l => l != locale && !seen.ContainsKey((id, l))))
            {
                errors.Add(display, $"article {SchemaValidator.Quote(id)} has no {other} version (add {Folder}/{id}.{other}.md)");
            }
        }

        return articles;
    }

    private static KnowledgeArticle? Read(DialogFile file, SchemaNode? schema, IReadOnlySet<string> problemIds, LoadErrors errors)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(file.Display, "cannot be read: " + ex.Message);
            return null;
        }

        if (lines.Length == 0 || lines[0].Trim() != Fence)
        {
            errors.Add(file.Display, 1, 1, "an article starts with a --- line, then its front matter (id, title, language, problems, keywords), then another --- line");
            return null;
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == Fence);
        if (end < 0)
        {
            errors.Add(file.Display, lines.Length, 1, "the front matter is not closed: add a --- line after it");
            return null;
        }

        // Line numbers inside the front matter are one less than in the file (the first --- line).
        var front = ParseFrontMatter(file, string.Join('\n', lines[1..end]), schema, errors);
        var paragraphs = Paragraphs(file, lines, end + 1, errors);
        if (front is null || paragraphs is null)
        {
            return null;
        }

        var id = YamlRead.Scalar(YamlRead.Get(front, "id"))!;
        var locale = YamlRead.Scalar(YamlRead.Get(front, "language"))!;
        var expectedName = $"{id}.{locale}.md";
        var ok = true;
        if (!string.Equals(Path.GetFileName(file.FullPath), expectedName, StringComparison.Ordinal))
        {
            errors.Add(file.Display, 2, 1, $"the file must be named {expectedName} (its id and language)");
            ok = false;
        }

        var problemsNode = YamlRead.Get(front, "problems");
        var problems = YamlRead.Items(problemsNode).Select(YamlRead.Scalar).OfType<string>().ToList();
        foreach (var unknown in YamlRead.Items(problemsNode).Where(n => YamlRead.Scalar(n) is { } p && !problemIds.Contains(p)))
        {
            errors.Add(file.Display, (int)unknown.Start.Line + 1, (int)unknown.Start.Column,
                $"unknown problem {SchemaValidator.Quote(YamlRead.Scalar(unknown))} (known: {string.Join(", ", problemIds.Order(StringComparer.Ordinal))})");
            ok = false;
        }

        return ok
            ? new KnowledgeArticle
            {
                Id = id,
                Title = YamlRead.Scalar(YamlRead.Get(front, "title"))!.Trim(),
                Locale = locale,
                Problems = problems,
                Keywords = [.. YamlRead.Items(YamlRead.Get(front, "keywords")).Select(YamlRead.Scalar).OfType<string>()],
                Paragraphs = paragraphs,
                Source = file.Display,
            }
            : null;
    }

    private static YamlNode? ParseFrontMatter(DialogFile file, string text, SchemaNode? schema, LoadErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(file.Display, (int)ex.Start.Line + 1, (int)ex.Start.Column, "YAML syntax error in the front matter: " + ex.Message.TrimEnd('.'));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(file.Display, 2, 1, "the front matter is empty (it needs id, title, language, problems, keywords)");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (schema is null)
        {
            return null;
        }

        var schemaErrors = SchemaValidator.Validate(schema, root);
        foreach (var error in schemaErrors)
        {
            errors.Add(file.Display, (int)error.At.Line + 1, (int)error.At.Column, error.Reason);
        }

        return schemaErrors.Count == 0 ? root : null;
    }

    /// <summary>The body's paragraphs (blank-line separated, inner line breaks joined with a space), or null after
    /// reporting a body that cannot be shown.</summary>
    private static List<string>? Paragraphs(DialogFile file, string[] lines, int first, LoadErrors errors)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        var startLine = first + 1;
        var ok = true;
        for (var i = first; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length > 0)
            {
                if (current.Count == 0)
                {
                    startLine = i + 1;
                }

                current.Add(line);
                continue;
            }

            if (current.Count == 0)
            {
                continue;
            }

            // Chinese lines join without a space; English ones with one.
            var paragraph = current.Aggregate((a, b) => a + (EndsCjk(a) ? "" : " ") + b);
            if (paragraph.Length > MaxParagraphLength)
            {
                errors.Add(file.Display, startLine, 1,
                    $"the paragraph is {paragraph.Length} characters long; at most {MaxParagraphLength} (each paragraph is sent as one message: split it)");
                ok = false;
            }

            paragraphs.Add(paragraph);
            current.Clear();
        }

        if (paragraphs.Count == 0)
        {
            errors.Add(file.Display, first + 1, 1, "the article has no text after its front matter");
            return null;
        }

        return ok ? paragraphs : null;
    }

    private static bool EndsCjk(string text) => text.Length > 0 && text[^1] >= '\u2E80';
}
