namespace SupportBot.Dialogs.Tests;

/// <summary>A broken problem file stops the load, naming the file, line and column of the mistake.</summary>
public sealed class ProblemFileErrorTests : IDisposable
{
    private const string LoginFile = "dialogs/problems/login.yaml";
    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UnknownPropertyFailsLoadWithFileAndLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - id: uid
                kind: uid
                titel: { zh-CN: UID, en: UID }
            """);

        var error = Assert.Single(
            _folder.LoadErrors(), e => e.Reason.StartsWith("unknown property 'titel'", StringComparison.Ordinal));

        Assert.Equal((LoginFile, 8, 5), (error.File, error.Line, error.Column));
        Assert.StartsWith(
            "dialogs/problems/login.yaml:8:5: unknown property 'titel' in 'details[0]'",
            error.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void LocalizedTextWithoutEnFailsLoadWithFileAndLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录 }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - { id: uid, kind: uid, title: { zh-CN: UID, en: UID } }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(new DialogLoadError(LoginFile, 3, 8, "missing property 'en' in 'title'"), error);
    }

    [Fact]
    public void UnknownDetailKindFailsLoadWithFileAndLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - id: print
                kind: fingerprint
                title: { zh-CN: 指纹, en: Fingerprint }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal((LoginFile, 7, 11), (error.File, error.Line, error.Column));
        Assert.StartsWith("'details[0].kind' must be one of uid, time, txid", error.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(got 'fingerprint')", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BadPriorityFailsLoadWithFileAndLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            priority: asap
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - { id: uid, kind: uid, title: { zh-CN: UID, en: UID } }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError(LoginFile, 3, 11, "'priority' must be one of urgent, high, normal, low (got 'asap')"),
            error);
    }

    [Fact]
    public void DuplicateProblemIdAcrossFilesNamesBothFiles()
    {
        _folder.Write("problems/other.yaml", DialogFolder.DepositProblem);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/problems/other.yaml", 3, 5), (error.File, error.Line, error.Column));
        Assert.Equal("problem id 'deposit' is already used at dialogs/problems/deposit.yaml:3:5", error.Reason);
    }

    [Fact]
    public void DuplicateDetailIdInOneProblemFailsLoadWithLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - { id: uid, kind: uid, title: { zh-CN: UID, en: UID } }
              - { id: uid, kind: text, title: { zh-CN: UID, en: UID } }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError(LoginFile, 7, 11, "detail id 'uid' is used twice in this problem (first at line 6)"),
            error);
    }

    [Fact]
    public void InvalidRegexPatternFailsLoadWithFileAndLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - id: uid
                kind: uid
                title: { zh-CN: UID, en: UID }
                pattern: '^[0-9'
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal((LoginFile, 9, 14), (error.File, error.Line, error.Column));
        Assert.StartsWith(
            "'details[0].pattern' is not a usable regular expression: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PatternNeedingBacktrackingFailsLoad()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details:
              - { id: uid, kind: uid, title: { zh-CN: UID, en: UID }, pattern: '^(a)\1$' }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal((LoginFile, 6, 68), (error.File, error.Line, error.Column));
        Assert.Contains("not a usable regular expression", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDetailListFailsLoadWithFileAndLine()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login] }
            details: []
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(new DialogLoadError(LoginFile, 5, 10, "'details' needs at least 1 item"), error);
    }

    [Fact]
    public void PlainNumberWhereAPhraseIsExpectedFailsWithAQuoteHint()
    {
        _folder.Write("problems/login.yaml", """
            kind: problem
            id: login
            title: { zh-CN: 登录, en: Login }
            keywords: { zh-CN: [登录], en: [login, 404] }
            details:
              - { id: uid, kind: uid, title: { zh-CN: UID, en: UID } }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError(
                LoginFile, 4, 38, "'keywords.en[1]' must be a string but is an integer (put it in quotes)"),
            error);
    }

    [Fact]
    public void BadIdFailsLoadWithThePattern()
    {
        _folder.Write("problems/login.yaml", DialogCatalogLoaderTests.Problem("Login", order: 1));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError(LoginFile, 2, 5, "'id' must match ^[a-z][a-zA-Z0-9-]*$ (got 'Login')"),
            error);
    }

    [Fact]
    public void LongValuesAreCutInMessages()
    {
        var longValue = new string('x', 500);
        _folder.Write("problems/login.yaml", DialogCatalogLoaderTests.Problem("login", order: 1)
            .Replace("order: 1", "priority: " + longValue, StringComparison.Ordinal));

        var error = Assert.Single(_folder.LoadErrors());

        Assert.DoesNotContain(longValue, error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Reason.Length, 1, 120);
    }
}
