using System.Globalization;
using System.Text;
using SupportBot.Core.Catalog;

using SupportBot.Testing;

namespace SupportBot.Dialogs.Tests;

/// <summary>A temporary, valid dialogs folder (one problem, every required text, every command, one knowledge
/// article in both languages and a copy of the real schemas) that a test then breaks in one place.</summary>
internal sealed class DialogFolder : IDisposable
{
    /// <summary>The folder's own name, which prefixes every file in error messages.</summary>
    public const string Name = "dialogs";

    /// <summary>The valid problem file; its line numbers are referred to by tests.</summary>
    public const string DepositProblem = """
        # yaml-language-server: $schema=../schema/dialog.schema.json
        kind: problem
        id: deposit
        order: 40
        priority: high
        title: { zh-CN: 充值未到账, en: Deposit not credited }
        keywords:
          zh-CN: [充值, 未到账]
          en: [deposit, not credited]
        selfHelp:
          zh-CN: |
            请确认网络。
          en: |
            Check the network.
        details:
          - id: uid
            kind: uid
            title: { zh-CN: UID, en: UID }
            pattern: '^[0-9]{6,12}$'
          - id: screenshots
            kind: screenshots
            title: { zh-CN: 截图, en: Screenshots }
            prompt: { zh-CN: 请上传截图, en: Please upload screenshots }
            required: false
            maxCount: 5
            maxBytes: 10485760

        """;

    /// <summary>The valid English knowledge article; its line numbers are referred to by tests.</summary>
    public const string Article = """
        ---
        id: deposit-time
        title: How long a deposit takes
        language: en
        problems: [deposit]
        keywords: [how long, confirmations]
        ---
        Usually a few minutes,
        once the network confirms it.

        Longer when the network is busy.

        """;

    /// <summary>The valid Chinese version of <see cref="Article"/>.</summary>
    public const string ArticleZh = """
        ---
        id: deposit-time
        title: 充值多久到账
        language: zh-CN
        problems: [deposit]
        keywords: [多久到账]
        ---
        通常几分钟。

        """;

    private readonly string _parent;

    /// <summary>Creates the folder under a fresh temp directory.</summary>
    public DialogFolder()
    {
        _parent = Path.Combine(Path.GetTempPath(), "dialogs-test-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_parent, Name);
        Directory.CreateDirectory(Path.Combine(Root, "schema"));
        File.Copy(RepoPaths.Schema, Path.Combine(Root, "schema", "dialog.schema.json"));
        File.Copy(RepoPaths.KnowledgeSchema, Path.Combine(Root, "schema", "knowledge.schema.json"));
        Write("problems/deposit.yaml", DepositProblem);
        Write("texts/bot.yaml", Texts(TextKeys.Required));
        Write("commands.yaml", Commands(CommandIds.All));
        Write("knowledge/deposit-time.en.md", Article);
        Write("knowledge/deposit-time.zh-CN.md", ArticleZh);
    }

    /// <summary>The dialogs folder.</summary>
    public string Root { get; }

    /// <summary>The 1-based line of <paramref name="key"/> in the generated <c>texts/bot.yaml</c>.</summary>
    public static int TextLine(string key) => 3 + (3 * TextKeys.Required.ToList().IndexOf(key));

    /// <summary>A texts file defining <paramref name="keys"/> in both locales, three lines per key.</summary>
    public static string Texts(IEnumerable<string> keys)
    {
        var yaml = new StringBuilder("kind: texts\ntexts:\n");
        foreach (var key in keys)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {key}:\n")
                .Append(CultureInfo.InvariantCulture, $"    zh-CN: \"中文 {key}\"\n")
                .Append(CultureInfo.InvariantCulture, $"    en: \"English {key}\"\n");
        }

        return yaml.ToString();
    }

    /// <summary>A commands file giving each of <paramref name="ids"/> its own words, one line per command.</summary>
    public static string Commands(IEnumerable<string> ids)
    {
        var yaml = new StringBuilder("kind: commands\ncommands:\n");
        foreach (var id in ids)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {id}: {{ zh-CN: [{id}-zh], en: [{id}] }}\n");
        }

        return yaml.ToString();
    }

    /// <summary>Writes (or overwrites) a file; <paramref name="relative"/> uses forward slashes.</summary>
    public void Write(string relative, string content)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.ReplaceLineEndings("\n"));
    }

    /// <summary>Reads a file of the folder.</summary>
    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>Loads the folder.</summary>
    public DialogCatalog Load() => DialogCatalogLoader.Load(Root);

    /// <summary>Loads the folder, expecting it to fail, and returns the errors.</summary>
    public IReadOnlyList<DialogLoadError> LoadErrors() =>
        Assert.Throws<DialogLoadException>(() => DialogCatalogLoader.Load(Root)).Errors;

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
