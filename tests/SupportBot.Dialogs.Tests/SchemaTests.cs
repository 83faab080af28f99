using System.Text.Json;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;
using SupportBot.Dialogs.Schema;

using SupportBot.Testing;

namespace SupportBot.Dialogs.Tests;

/// <summary>The shipped schema is what the loader enforces, and it cannot drift from the code.</summary>
public sealed class SchemaTests : IDisposable
{
    private const string SchemaFile = "schema/dialog.schema.json";
    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ShippedSchemaIsValidJsonAndEveryKindEnumMatchesTheCode()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));

        var kindEnums = KindEnums(schema.RootElement).ToList();

        Assert.Contains(kindEnums, e => e.SequenceEqual(["problem", "texts", "commands", "canned", "synonyms"]));
        Assert.Contains(kindEnums, e => e.SequenceEqual(SlotKinds.All));
        // Any other "kind" enum would be a detail kind list that drifted from SlotKinds.All.
        Assert.All(kindEnums, e => Assert.True(
            e.SequenceEqual(SlotKinds.All) || e.SequenceEqual(["problem", "texts", "commands", "canned", "synonyms"]),
            "kind enum drifted: " + string.Join(", ", e)));
    }

    [Fact]
    public void ShippedSchemaListsExactlyTheCommandIds()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));

        var commands = schema.RootElement.GetProperty("$defs").GetProperty("commandsFile")
            .GetProperty("properties").GetProperty("commands").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name);

        Assert.Equal(CommandIds.All.Order(StringComparer.Ordinal), commands.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShippedSchemaUsesOnlyKeywordsTheLoaderChecks()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));

        var root = SchemaCompiler.Compile(schema.RootElement, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(root);
    }

    [Fact]
    public void EditingTheSchemaChangesWhatLoads()
    {
        // The fixture's deposit problem is "priority: high" (line 5); a schema without "high" must refuse it.
        EditSchema("[\"urgent\", \"high\", \"normal\", \"low\"]", "[\"urgent\", \"normal\", \"low\"]");

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/problems/deposit.yaml", 5, 11), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void SchemaKeywordTheLoaderCannotCheckIsRefused()
    {
        EditSchema("\"title\": \"SupportBot dialog file\",", "\"uniqueItems\": true, \"title\": \"x\",");

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal("dialogs/schema/dialog.schema.json", error.File);
        Assert.Contains("unsupported keyword 'uniqueItems'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSchemaJsonFailsLoadWithLine()
    {
        _folder.Write(SchemaFile, "{\n  \"type\": \"object\",\n  oops\n}\n");

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/schema/dialog.schema.json", 3), (error.File, error.Line));
        Assert.StartsWith("invalid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSchemaFailsLoad()
    {
        File.Delete(Path.Combine(_folder.Root, SchemaFile));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal("dialogs/schema/dialog.schema.json", error.File);
        Assert.Contains("schema is missing", error.Reason, StringComparison.Ordinal);
    }

    private void EditSchema(string from, string to)
    {
        var text = _folder.Read(SchemaFile);
        Assert.Contains(from, text, StringComparison.Ordinal);
        _folder.Write(SchemaFile, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static IEnumerable<string[]> KindEnums(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "kind" && property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.TryGetProperty("enum", out var values))
                {
                    yield return [.. values.EnumerateArray().Select(v => v.GetString()!)];
                }

                foreach (var nested in KindEnums(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(KindEnums))
            {
                yield return nested;
            }
        }
    }
}
