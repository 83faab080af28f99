using SupportBot.Core.Catalog;

namespace SupportBot.Dialogs.Tests;

/// <summary>Broken files of any kind, and rules that span files, stop the load with every error listed.</summary>
public sealed class FolderErrorTests : IDisposable
{
    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UnclosedQuoteFailsLoadWithLineAndColumn()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: '登录, en: Login }
            details: []
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/problems/login.yaml", 3, 17), (error.File, error.Line, error.Column));
        Assert.StartsWith("YAML syntax error: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BadIndentationFailsLoadWithLineAndColumn()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title:
              zh-CN: 登录
             en: Login
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/problems/login.yaml", 5, 2), (error.File, error.Line, error.Column));
        Assert.StartsWith("YAML syntax error: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeyInOneMappingFailsLoadWithLine()
    {
        _folder.Write("texts/extra.yaml", """
            kind: texts
            texts:
              extra.one: { zh-CN: 一, en: One }
              extra.one: { zh-CN: 二, en: Two }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/texts/extra.yaml", 4, 3), (error.File, error.Line, error.Column));
        Assert.StartsWith("duplicate key 'extra.one'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFileKindFailsLoadWithFileAndLine()
    {
        _folder.Write("flows.yaml", "kind: flow\nsteps: []\n");

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError("dialogs/flows.yaml", 1, 7,
                "'kind' must be one of problem, texts, commands, canned, synonyms (got 'flow')"),
            error);
    }

    [Fact]
    public void FileWithoutKindFailsLoad()
    {
        _folder.Write("notes.yaml", "title: notes\n");

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(new DialogLoadError("dialogs/notes.yaml", 1, 1, "missing property 'kind'"), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# yaml-language-server: $schema=../schema/dialog.schema.json\n")]
    public void EmptyFileFailsLoadWithFileAndLine(string content)
    {
        _folder.Write("problems/empty.yaml", content);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/problems/empty.yaml", 1, 1), (error.File, error.Line, error.Column));
        Assert.StartsWith("the file is empty", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateTextKeyAcrossFilesNamesBothPlaces()
    {
        _folder.Write("texts/extra.yaml", """
            kind: texts
            texts:
              greeting:
                zh-CN: 你好
                en: Hi
            """);

        var error = Assert.Single(_folder.LoadErrors());

        var first = DialogFolder.TextLine(TextKeys.Greeting);
        Assert.Equal(
            new DialogLoadError("dialogs/texts/extra.yaml", 3, 3,
                $"text 'greeting' is already defined at dialogs/texts/bot.yaml:{first}:3"),
            error);
    }

    [Fact]
    public void MissingRequiredTextFailsLoadNamingTheKeyAndTheFolder()
    {
        _folder.Write("texts/bot.yaml",
            DialogFolder.Texts(TextKeys.Required.Where(k => k != TextKeys.SummaryHeader)));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError("dialogs", 0, 0, "missing text 'confirm.header' (required by the bot)"), error);
        Assert.Equal("dialogs: missing text 'confirm.header' (required by the bot)", error.ToString());
    }

    [Fact]
    public void MissingCommandFailsLoadNamingTheCommand()
    {
        _folder.Write("commands.yaml", DialogFolder.Commands(CommandIds.All.Where(c => c != CommandIds.Menu)));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal("dialogs: missing command 'menu' (required by the bot)", error.ToString());
    }

    [Fact]
    public void CommandWithoutWordsInALocaleFailsLoad()
    {
        _folder.Write("commands.yaml", DialogFolder.Commands(CommandIds.All)
            .Replace("zh-CN: [menu-zh]", "zh-CN: []", StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        var line = 3 + CommandIds.All.ToList().IndexOf(CommandIds.Menu);
        Assert.Equal(
            new DialogLoadError("dialogs/commands.yaml", line, 18, "'commands.menu.zh-CN' needs at least 1 item"),
            error);
    }

    [Fact]
    public void UnknownCommandIdFailsLoadWithLine()
    {
        _folder.Write("commands.yaml", DialogFolder.Commands([.. CommandIds.All, "undo"]));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/commands.yaml", 3 + CommandIds.All.Count, 3), (error.File, error.Line, error.Column));
        Assert.StartsWith("unknown property 'undo' in 'commands'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandWordUsedByTwoCommandsFailsLoad()
    {
        _folder.Write("commands.yaml", DialogFolder.Commands(CommandIds.All)
            .Replace("en: [back]", "en: [back, Cancel!]", StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError("dialogs/commands.yaml", 4, 40,
                "command word 'Cancel!' of 'back' is already a word of 'cancel' at dialogs/commands.yaml:3:38"),
            error);
    }

    [Theory]
    [InlineData("ＣＡＮＣＥＬ")]
    [InlineData("cancel ！")]
    public void CommandWordTheEngineWouldReadAsAnotherCommandFailsLoad(string variant)
    {
        _folder.Write("commands.yaml", DialogFolder.Commands(CommandIds.All)
            .Replace("en: [back]", $"en: [back, \"{variant}\"]", StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/commands.yaml", 4), (error.File, error.Line));
        Assert.EndsWith("of 'back' is already a word of 'cancel' at dialogs/commands.yaml:3:38", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutProblemsFailsLoad()
    {
        File.Delete(Path.Combine(_folder.Root, "problems", "deposit.yaml"));
        Directory.Delete(Path.Combine(_folder.Root, "knowledge"), recursive: true);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal("dialogs", error.File);
        Assert.StartsWith("no problems defined", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsOfAllFilesAreReportedTogether()
    {
        _folder.Write("problems/a.yaml", DialogCatalogLoaderTests.Problem("a", order: 1)
            .Replace("title:", "titel:", StringComparison.Ordinal));
        _folder.Write("problems/b.yaml", DialogCatalogLoaderTests.Problem("b", order: 2)
            .Replace("order: 2", "order: second", StringComparison.Ordinal));

        var exception = Assert.Throws<DialogLoadException>(() => DialogCatalogLoader.Load(_folder.Root));

        Assert.Contains(exception.Errors, e => e is { File: "dialogs/problems/a.yaml", Line: 4 });
        Assert.Contains(exception.Errors, e => e is { File: "dialogs/problems/b.yaml", Line: 3 });
        var lines = exception.Message.Split('\n');
        Assert.Contains(lines, l => l.StartsWith(
            "dialogs/problems/a.yaml:4:1: unknown property 'titel'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(
            "dialogs/problems/b.yaml:3:8: 'order' must be an integer", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFolderFailsLoad()
    {
        var exception = Assert.Throws<DialogLoadException>(
            () => DialogCatalogLoader.Load(Path.Combine(_folder.Root, "nowhere")));

        Assert.Contains("does not exist", Assert.Single(exception.Errors).Reason, StringComparison.Ordinal);
    }
}
