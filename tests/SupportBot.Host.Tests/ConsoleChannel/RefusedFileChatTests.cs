namespace SupportBot.Host.Tests.ConsoleChannel;

/// <summary>The real <c>chat</c> process with <c>/attach</c> of a file the bot does not keep (a text file where a
/// screenshot was asked): the user hears once why it was not kept, in their language, and is asked for the screenshot
/// again; the dialog does not answer the same file a second time ("that file isn't an image").</summary>
public sealed class RefusedFileChatTests : IDisposable
{
    private const string TxId = "6ba57ebcfb09e8a8898fa4e8cc44dbb4307007ba84a53d4831808784d8406632";
    private const string Address = "TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj";

    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-refused-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Theory]
    [InlineData("en", "my UID is 48213377, 500 USDT on TRC20 two hours ago, still not credited", "I couldn't keep \"notes.txt\"", "That file isn't an image", "screenshot of the outgoing transfer")]
    [InlineData("zh-CN", "我的UID是48213377，两个小时前充了500 USDT，TRC20，到现在还没到账", "文件“notes.txt”无法保存", "这个文件不是图片", "转出记录的截图")]
    public async Task A_refused_file_is_answered_once_and_the_screenshot_asked_again(
        string lang, string first, string refusal, string secondAnswer, string screenshotQuestion)
    {
        var notes = Path.Combine(Directory.CreateDirectory(Path.Combine(_workDir, "files")).FullName, "notes.txt");
        await File.WriteAllTextAsync(notes, "deposit 500 USDT, still nothing", TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(
            _workDir, [first, TxId + " " + Address, "/attach " + notes], "chat", "--user", "refused-" + lang, "--lang", lang);

        Assert.True(exit == 0, stderr);
        var afterAttach = stdout[stdout.LastIndexOf(screenshotQuestion, StringComparison.Ordinal)..];
        var lines = stdout.Split('\n');
        Assert.Single(lines, l => l.Contains(refusal, StringComparison.Ordinal));
        Assert.DoesNotContain(secondAnswer, stdout, StringComparison.Ordinal);
        // The last thing the bot said is the screenshot question again, after the refusal.
        Assert.True(stdout.IndexOf(refusal, StringComparison.Ordinal) < stdout.LastIndexOf(screenshotQuestion, StringComparison.Ordinal), stdout);
        Assert.DoesNotContain(refusal, afterAttach, StringComparison.Ordinal);
    }
}
