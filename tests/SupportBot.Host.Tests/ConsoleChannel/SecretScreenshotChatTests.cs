using SupportBot.Testing.Images;

namespace SupportBot.Host.Tests.ConsoleChannel;

/// <summary>The real <c>chat</c> process with <c>/attach</c>: a seed-phrase grid is refused with the wallet advice in the
/// user's language and ./data holds no trace of it, while a deposit record is kept.</summary>
public sealed class SecretScreenshotChatTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-attach-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Theory]
    [InlineData("en", "hello", "The screenshot you sent showed a seed phrase", "Create a new wallet now")]
    [InlineData("zh-CN", "你好", "您发来的截图里有助记词", "新建一个钱包")]
    public async Task Attaching_a_seed_grid_is_refused_and_a_deposit_record_is_kept(string lang, string hello, string warning, string advice)
    {
        // The user's files live outside ./data, as on a real machine.
        var pictures = Directory.CreateDirectory(Path.Combine(_workDir, "pictures")).FullName;
        var seed = Screens.SeedGrid12();
        var deposit = Screens.DepositRecord();
        var seedPath = Path.Combine(pictures, "backup.png");
        var depositPath = Path.Combine(pictures, "deposit.png");
        await File.WriteAllBytesAsync(seedPath, seed, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(depositPath, deposit, TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(
            _workDir, [hello, "/attach " + seedPath, "/attach " + depositPath], "chat", "--json", "--user", "attach-" + lang, "--lang", lang);

        Assert.True(exit == 0, stderr);
        Assert.Contains(warning, stdout, StringComparison.Ordinal);
        Assert.Contains(advice, stdout, StringComparison.Ordinal);
        var data = Path.Combine(_workDir, "data");
        DataFolderSearch.AssertNoTrace(data, string.Join(' ', Screens.Seed12), seed);
        Assert.True(DataFolderSearch.Holds(data, deposit.AsSpan(deposit.Length / 2, 64)), "the deposit record was not kept");
    }
}
