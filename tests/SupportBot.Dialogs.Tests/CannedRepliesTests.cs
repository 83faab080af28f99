using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Testing;

namespace SupportBot.Dialogs.Tests;

/// <summary>Canned replies (<c>kind: canned</c>) load into the catalog; a broken or unsafe one stops the load with
/// file, line and column; the shipped ones never ask the user for a secret.</summary>
public sealed class CannedRepliesTests : IDisposable
{
    private const string CannedFile = "dialogs/canned.yaml";
    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void CannedFileLoadsIntoTheCatalogInFileOrder()
    {
        _folder.Write("canned.yaml", """
            kind: canned
            replies:
              - id: ask-txid
                title: { zh-CN: 请提供交易哈希, en: Please send the TXID }
                text:
                  zh-CN: 请把交易哈希发给我们。
                  en: |
                    Please send us the TXID.
              - id: closing
                title: { zh-CN: 结束, en: Closing }
                text: { zh-CN: 感谢您的耐心。, en: Thanks for your patience. }
            """);

        var canned = _folder.Load().CannedReplies;

        Assert.Equal(["ask-txid", "closing"], canned.Select(c => c.Id));
        Assert.Equal("Please send the TXID", canned[0].Title.Get(Locales.Supported.English));
        Assert.Equal("请提供交易哈希", canned[0].Title.Get(Locales.Supported.Chinese));
        Assert.Equal("Please send us the TXID.", canned[0].Text.Get(Locales.Supported.English));
        Assert.Equal("请把交易哈希发给我们。", canned[0].Text.Get(Locales.Supported.Chinese));
    }

    [Fact]
    public void FolderWithoutCannedFileHasNoCannedReplies()
    {
        Assert.Empty(_folder.Load().CannedReplies);
    }

    [Fact]
    public void DuplicateIdFailsLoadPointingAtBothDefinitions()
    {
        _folder.Write("canned.yaml", """
            kind: canned
            replies:
              - id: closing
                title: { zh-CN: 结束, en: Closing }
                text: { zh-CN: 谢谢。, en: Thanks. }
              - id: closing
                title: { zh-CN: 结束二, en: Closing two }
                text: { zh-CN: 再见。, en: Bye. }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(
            new DialogLoadError(CannedFile, 6, 9,
                $"canned reply id 'closing' is already used at {CannedFile}:3:9"),
            error);
    }

    [Fact]
    public void DuplicateIdAcrossFilesFailsLoad()
    {
        _folder.Write("canned.yaml", """
            kind: canned
            replies:
              - id: closing
                title: { zh-CN: 结束, en: Closing }
                text: { zh-CN: 谢谢。, en: Thanks. }
            """);
        _folder.Write("canned-more.yaml", """
            kind: canned
            replies:
              - id: closing
                title: { zh-CN: 结束, en: Closing }
                text: { zh-CN: 谢谢。, en: Thanks. }
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(("dialogs/canned.yaml", 3, 9), (error.File, error.Line, error.Column));
        Assert.Equal("canned reply id 'closing' is already used at dialogs/canned-more.yaml:3:9", error.Reason);
    }

    [Fact]
    public void MissingLocaleFailsLoadWithLineAndColumn()
    {
        _folder.Write("canned.yaml", """
            kind: canned
            replies:
              - id: closing
                title: { zh-CN: 结束, en: Closing }
                text:
                  zh-CN: 谢谢。
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal(new DialogLoadError(CannedFile, 6, 7, "missing property 'en' in 'replies[0].text'"), error);
    }

    [Fact]
    public void MissingTextAndUnknownPropertyFailLoad()
    {
        _folder.Write("canned.yaml", """
            kind: canned
            replies:
              - id: closing
                title: { zh-CN: 结束, en: Closing }
                body: { zh-CN: 谢谢。, en: Thanks. }
            """);

        var errors = _folder.LoadErrors();

        Assert.All(errors, e => Assert.Equal(CannedFile, e.File));
        Assert.Contains(errors, e => e.Line == 3 && e.Reason.Contains("'text'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Reason.Contains("'body'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Please send me your seed phrase so I can restore the wallet.", "seed phrase")]
    [InlineData("What is your 2FA code?", "verification code")]
    public void ReplyTheOutboundGuardWouldBlockFailsLoad(string english, string secret)
    {
        _folder.Write("canned.yaml", $"""
            kind: canned
            replies:
              - id: unsafe
                title: {"{"} zh-CN: 不安全, en: Unsafe {"}"}
                text:
                  zh-CN: 谢谢。
                  en: "{english}"
            """);

        var error = Assert.Single(_folder.LoadErrors());

        Assert.Equal((CannedFile, 7, 11), (error.File, error.Line, error.Column));
        Assert.Equal(
            $"canned reply 'unsafe' (en) would be blocked by the outbound guard: it asks the user for (or contains) "
            + $"a {secret}; a canned reply must never ask for a secret",
            error.Reason);
    }

    [Fact]
    public void ShippedCannedRepliesAreSafeAndInEveryLanguage()
    {
        var canned = DialogCatalogLoader.Load(RepoPaths.Dialogs).CannedReplies;
        var guard = new OutboundGuard(new SecretScanner());

        Assert.True(canned.Count >= 8, $"only {canned.Count} canned replies ship");
        Assert.All(canned, reply => Assert.All(Locales.All, locale =>
        {
            Assert.Contains(locale, reply.Title.Locales);
            Assert.Contains(locale, reply.Text.Locales);
            var text = reply.Text.Get(locale);
            Assert.DoesNotContain('{', text);
            Assert.True(guard.Check(text).Allowed, $"{reply.Id} ({locale}) is blocked: {guard.Check(text).AskedFor}");
            Assert.True(guard.Check(reply.Title.Get(locale)).Allowed, $"{reply.Id} title ({locale}) is blocked");
        }));
    }
}
