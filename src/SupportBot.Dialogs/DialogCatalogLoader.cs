using System.Text.Json;
using SupportBot.Core.Catalog;
using SupportBot.Dialogs.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs;

/// <summary>Loads the dialog files (<c>dialogs/**/*.yaml</c>) into a <see cref="DialogCatalog"/>. Every document is
/// checked against the shipped JSON Schema (<c>dialogs/schema/dialog.schema.json</c>), so editing the schema changes
/// what loads, and then against the rules that span files. All errors of all files are reported together.</summary>
public static class DialogCatalogLoader
{
    /// <summary>The schema's path relative to the dialogs folder.</summary>
    public const string SchemaPath = "schema/dialog.schema.json";

    /// <summary>The knowledge articles' front matter schema, relative to the dialogs folder.</summary>
    public const string KnowledgeSchemaPath = "schema/knowledge.schema.json";

    /// <summary>Loads and validates every <c>*.yaml</c>/<c>*.yml</c> under <paramref name="directory"/> (sub-folders
    /// too, except <c>schema/</c>), then the knowledge articles in <c>knowledge/*.md</c>.</summary>
    /// <exception cref="DialogLoadException">Any file is broken or the catalog is incomplete; lists every error
    /// with file, line and reason.</exception>
    public static DialogCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
        var errors = new LoadErrors();
        if (!Directory.Exists(root))
        {
            errors.Add(folder, $"the dialogs folder {root} does not exist");
            throw new DialogLoadException(errors.All);
        }

        var schema = LoadSchema(root, folder, SchemaPath, errors);
        var builder = new CatalogBuilder(errors);
        foreach (var file in FindFiles(root, folder))
        {
            LoadFile(file, schema, builder, errors);
        }

        var knowledgeSchema = Directory.Exists(Path.Combine(root, KnowledgeReader.Folder))
            ? LoadSchema(root, folder, KnowledgeSchemaPath, errors)
            : null;
        builder.Knowledge = KnowledgeReader.ReadAll(root, folder, knowledgeSchema, builder.ProblemIds, errors);

        return builder.Build(folder) ?? throw new DialogLoadException(errors.Sorted());
    }

    private static void LoadFile(DialogFile file, SchemaNode? schema, CatalogBuilder builder, LoadErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file.FullPath, detectEncodingFromByteOrderMarks: true);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            builder.MarkUnread();
            errors.Add(file, ex.Start, SyntaxReason(ex));
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            builder.MarkUnread();
            errors.Add(file.Display, "cannot be read: " + ex.Message);
            return;
        }

        if (stream.Documents.Count == 0 || stream.Documents.All(d => YamlTypes.Of(d.RootNode) == NodeType.Null))
        {
            errors.Add(file.Display, 1, 1,
                "the file is empty (it must start with kind: problem, texts, commands, canned or synonyms)");
            return;
        }

        foreach (var document in stream.Documents)
        {
            var schemaErrors = schema is null ? [] : SchemaValidator.Validate(schema, document.RootNode);
            foreach (var error in schemaErrors)
            {
                errors.Add(file, error.At, error.Reason);
            }

            // Without a schema nothing was validated, so nothing counts as valid either.
            builder.Add(file, document.RootNode, schemaValid: schema is not null && schemaErrors.Count == 0);
        }
    }

    private static string SyntaxReason(YamlException ex)
    {
        // YamlDotNet reports a duplicate mapping key as "Duplicate key NAME"; keep the name, quoted and short.
        const string duplicate = "Duplicate key ";
        var message = ex.Message;
        return message.StartsWith(duplicate, StringComparison.Ordinal)
            ? $"duplicate key {SchemaValidator.Quote(message[duplicate.Length..])} (a key may appear once per mapping)"
            : "YAML syntax error: " + message.TrimEnd('.');
    }

    private static SchemaNode? LoadSchema(string root, string folder, string relative, LoadErrors errors)
    {
        var path = Path.Combine(root, relative);
        var display = folder + "/" + relative;
        if (!File.Exists(path))
        {
            errors.Add(display, "the schema is missing; the dialogs cannot be validated without it");
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var schema = SchemaCompiler.Compile(json.RootElement, out var schemaErrors);
            foreach (var reason in schemaErrors)
            {
                errors.Add(display, reason);
            }

            return schema;
        }
        catch (JsonException ex)
        {
            errors.Add(display, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                "invalid JSON: " + ex.Message);
            return null;
        }
    }

    private static List<DialogFile> FindFiles(string root, string folder)
    {
        var schemaFolder = Path.Combine(root, "schema") + Path.DirectorySeparatorChar;
        return
        [
            .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                            || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Where(f => !f.StartsWith(schemaFolder, StringComparison.Ordinal))
                // Editors leave hidden lock and backup files (.#deposit.yaml) next to the one being edited.
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .Select(r => new DialogFile(Path.Combine(root, r), r, folder + "/" + r)),
        ];
    }
}
