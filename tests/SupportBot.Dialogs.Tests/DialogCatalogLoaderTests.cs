using System.Diagnostics;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Dialogs.Tests;

public sealed class DialogCatalogLoaderTests : IDisposable
{
    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ValidFolderLoadsProblemWithAllItsFields()
    {
        var catalog = _folder.Load();

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("deposit", problem.Id);
        Assert.Equal(40, problem.Order);
        Assert.Equal(TicketPriority.High, problem.Priority);
        Assert.Equal("充值未到账", problem.Title.Get(Locales.Supported.Chinese));
        Assert.Equal("Deposit not credited", problem.Title.Get(Locales.Supported.English));
        Assert.Equal(["充值", "未到账"], problem.Keywords[Locales.Supported.Chinese]);
        Assert.Equal(["deposit", "not credited"], problem.Keywords[Locales.Supported.English]);
        Assert.Equal("Check the network.", problem.SelfHelp!.Get(Locales.Supported.English));
        Assert.Equal("problems/deposit.yaml", problem.SourceFile);
        Assert.Same(problem, catalog.FindProblem("deposit"));
    }

    [Fact]
    public void ValidFolderLoadsDetailsInFileOrderWithDefaults()
    {
        var details = _folder.Load().Problems[0].Details;

        Assert.Equal(["uid", "screenshots"], details.Select(d => d.Id));
        var uid = details[0];
        Assert.Equal(SlotKinds.Uid, uid.Kind);
        Assert.True(uid.Required);
        Assert.Null(uid.Prompt);
        Assert.Equal("^[0-9]{6,12}$", uid.Pattern);
        Assert.Null(uid.MaxCount);
        var screenshots = details[1];
        Assert.Equal(SlotKinds.Screenshots, screenshots.Kind);
        Assert.False(screenshots.Required);
        Assert.Equal("请上传截图", screenshots.Prompt!.Get(Locales.Supported.Chinese));
        Assert.Equal("Screenshots", screenshots.Title.Get(Locales.Supported.English));
        Assert.Equal(5, screenshots.MaxCount);
        Assert.Equal(10_485_760L, screenshots.MaxBytes);
    }

    [Fact]
    public void ValidFolderLoadsTextsCommandsAndKnowledge()
    {
        var catalog = _folder.Load();

        Assert.Equal(TextKeys.Required.Count, catalog.Texts.Count);
        Assert.Equal("English confirm.header", catalog.Text(TextKeys.SummaryHeader).Get(Locales.Supported.English));
        Assert.Equal("中文 greeting", catalog.Text(TextKeys.Greeting).Get(Locales.Supported.Chinese));
        Assert.Equal(CommandIds.All.Order(), catalog.Commands.Keys.Order());
        Assert.Equal(["cancel-zh", "cancel"], catalog.Commands[CommandIds.Cancel]);
        Assert.Equal(2, catalog.Knowledge.Count);
        var article = Assert.Single(catalog.Knowledge, a => a.Locale == Locales.Supported.English);
        Assert.Equal("deposit-time", article.Id);
        Assert.Equal("How long a deposit takes", article.Title);
        Assert.Equal(["deposit"], article.Problems);
        Assert.Equal(["how long", "confirmations"], article.Keywords);
        Assert.Equal(["Usually a few minutes, once the network confirms it.", "Longer when the network is busy."], article.Paragraphs);
        Assert.Equal("dialogs/knowledge/deposit-time.en.md", article.Source);
        Assert.Equal(["通常几分钟。"], catalog.Knowledge.Single(a => a.Locale == Locales.Supported.Chinese).Paragraphs);
    }

    [Fact]
    public void ProblemsAreOrderedByOrderThenId()
    {
        _folder.Write("problems/login.yaml", Problem("login", order: 10));
        _folder.Write("problems/alpha.yaml", Problem("alpha", order: 40));

        Assert.Equal(["login", "alpha", "deposit"], _folder.Load().Problems.Select(p => p.Id));
    }

    [Fact]
    public void OmittedPriorityIsNormalAndOmittedSelfHelpIsNull()
    {
        _folder.Write("problems/login.yaml", Problem("login", order: 10));

        var login = _folder.Load().FindProblem("login")!;

        Assert.Equal(TicketPriority.Normal, login.Priority);
        Assert.Null(login.SelfHelp);
    }

    [Fact]
    public void FilesInSubFoldersAndYmlFilesAreLoadedButSchemaFolderIsNot()
    {
        _folder.Write("problems/more/login.yml", Problem("login", order: 10));
        _folder.Write("schema/notes.yaml", "this: is not a dialog file\n");

        var login = _folder.Load().FindProblem("login");

        Assert.Equal("problems/more/login.yml", login?.SourceFile);
    }

    [Fact]
    public void LoadingTwentyFilesStaysWellUnderTheStartUpBudget()
    {
        for (var i = 0; i < 17; i++)
        {
            _folder.Write($"problems/p{i}.yaml", Problem($"p{i}", order: i));
        }

        _folder.Load();
        var watch = Stopwatch.StartNew();
        var catalog = _folder.Load();
        watch.Stop();

        Assert.Equal(18, catalog.Problems.Count);
        // The budget is 200 ms; the generous bound keeps the test stable on a busy machine while still catching a
        // switch to something an order of magnitude slower.
        Assert.InRange(watch.ElapsedMilliseconds, 0, 1000);
    }

    internal static string Problem(string id, int order) => $$"""
        kind: problem
        id: {{id}}
        order: {{order}}
        title: { zh-CN: 标题, en: Title }
        keywords: { zh-CN: [{{id}}中文], en: [{{id}}] }
        details:
          - id: description
            kind: text
            title: { zh-CN: 描述, en: Description }

        """;
}
