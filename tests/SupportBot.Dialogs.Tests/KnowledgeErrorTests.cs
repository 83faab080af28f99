namespace SupportBot.Dialogs.Tests;

/// <summary>A broken knowledge article stops the load with the file, the line in that file and what to fix, like a
/// broken dialog file.</summary>
public sealed class KnowledgeErrorTests : IDisposable
{
    private const string File = "dialogs/knowledge/deposit-time.en.md";
    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void WriteArticle(string text) => _folder.Write("knowledge/deposit-time.en.md", text);

    [Fact]
    public void UnknownProblemIsReportedOnItsLine()
    {
        WriteArticle(DialogFolder.Article.Replace("problems: [deposit]", "problems: [deposit, withdrawl]", StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal((File, 5), (error.File, error.Line));
        Assert.Contains("unknown problem 'withdrawl'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("deposit", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFrontMatterKeyIsNamed()
    {
        WriteArticle(DialogFolder.Article.Replace("title: How long a deposit takes\n", "", StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(File, error.File);
        Assert.Contains("title", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyAndBadLanguageAreReportedOnTheirLines()
    {
        WriteArticle(DialogFolder.Article
            .Replace("language: en", "language: english", StringComparison.Ordinal)
            .Replace("keywords:", "author: me\nkeywords:", StringComparison.Ordinal));

        var errors = _folder.LoadErrors();

        Assert.Contains(errors, e => e.File == File && e.Line == 4 && e.Reason.Contains("english", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == File && e.Line == 6 && e.Reason.Contains("author", StringComparison.Ordinal));
    }

    [Fact]
    public void YamlSyntaxErrorInTheFrontMatterPointsAtTheFileLine()
    {
        WriteArticle(DialogFolder.Article.Replace("keywords: [how long, confirmations]", "keywords: [how long, confirmations", StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(File, error.File);
        Assert.InRange(error.Line, 6, 7);
        Assert.StartsWith("YAML syntax error in the front matter", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleWithoutFrontMatterOrWithAnUnclosedOneIsRefused()
    {
        WriteArticle("Just some text.\n");
        var missing = Assert.Single(_folder.LoadErrors());
        Assert.Equal((File, 1), (missing.File, missing.Line));
        Assert.Contains("starts with a --- line", missing.Reason, StringComparison.Ordinal);

        WriteArticle("---\nid: deposit-time\ntitle: x\n");
        var unclosed = Assert.Single(_folder.LoadErrors());
        Assert.Contains("not closed", unclosed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNameMustMatchIdAndLanguage()
    {
        WriteArticle(DialogFolder.Article.Replace("id: deposit-time", "id: deposit-times", StringComparison.Ordinal));

        var errors = _folder.LoadErrors();

        Assert.Contains(errors, e => e.File == File && e.Reason.Contains("deposit-times.en.md", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArticleMissingInOneLanguageIsReported()
    {
        System.IO.File.Delete(Path.Combine(_folder.Root, "knowledge", "deposit-time.zh-CN.md"));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(File, error.File);
        Assert.Contains("no zh-CN version", error.Reason, StringComparison.Ordinal);
        Assert.Contains("deposit-time.zh-CN.md", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AParagraphTooLongForOneMessageIsReportedWhereItStarts()
    {
        WriteArticle(DialogFolder.Article + "\n" + new string('x', KnowledgeReader.MaxParagraphLength + 1) + "\n");

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal((File, 13), (error.File, error.Line));
        Assert.Contains("split it", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleWithNoTextIsRefused()
    {
        WriteArticle(DialogFolder.Article[..(DialogFolder.Article.LastIndexOf("---", StringComparison.Ordinal) + 4)]);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Contains("no text after its front matter", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NoShippedArticleAsksForASecretOrHoldsOne()
    {
        var catalog = DialogCatalogLoader.Load(SupportBot.Testing.RepoPaths.Dialogs);
        var guard = new SupportBot.Core.Safety.OutboundGuard(new SupportBot.Core.Safety.SecretScanner());
        var scanner = new SupportBot.Core.Safety.SecretScanner();

        Assert.All(catalog.Knowledge.SelectMany(a => a.Paragraphs.Prepend(a.Title).Select(text => (a.Source, Text: text))), p =>
        {
            var check = guard.Check(p.Text);
            Assert.True(check.Allowed, $"{p.Source} asks for {check.AskedFor}: {p.Text}");
            Assert.Empty(scanner.Scan(p.Text, SupportBot.Core.Safety.ScanContext.None).Findings);
        });
    }

    [Fact]
    public void TheShippedArticlesLoadInBothLanguages()
    {
        var catalog = DialogCatalogLoader.Load(SupportBot.Testing.RepoPaths.Dialogs);
        var ids = catalog.Knowledge.GroupBy(a => a.Id).ToList();

        Assert.True(ids.Count >= 30, $"only {ids.Count} articles");
        Assert.All(ids, g => Assert.Equal(2, g.Count()));
    }
}
