using System.Text.Json;

namespace SupportBot.Host.Tests;

/// <summary>The console channel through the real program: piped stdin, <c>--json</c> out, the real SQLite file.</summary>
public sealed class ChatCommandTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-chat-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    public static TheoryData<string, string[]> DepositScripts() => new()
    {
        {
            "zh-CN",
            ["你好", "充值三个小时了还没到账", "2", "我的UID是12345678", "USDT", "TRC20", "100",
                "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f", "昨天晚上九点",
                "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "跳过", "1"]
        },
        {
            "en",
            ["hello", "my deposit has not arrived", "2", "my uid is 12345678", "USDT", "TRC20", "100",
                "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f", "yesterday 9pm",
                "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "skip", "1"]
        },
    };

    [Theory]
    [MemberData(nameof(DepositScripts))]
    public async Task PipedDepositConversationEndsWithTicketNumber(string locale, string[] script)
    {
        var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, script, "chat", "--json", "--user", "piped-" + locale);

        Assert.True(code == 0, stderr);
        var messages = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(messages, m =>
        {
            Assert.Equal(JsonValueKind.String, m.GetProperty("text").ValueKind);
            Assert.Equal(JsonValueKind.Array, m.GetProperty("choices").ValueKind);
            Assert.True(m.TryGetProperty("problem", out _) && m.TryGetProperty("step", out _) && m.TryGetProperty("ticket", out _));
        });
        var last = messages[^1];
        Assert.Equal(JsonValueKind.Number, last.GetProperty("ticket").ValueKind);
        Assert.True(last.GetProperty("ticket").GetInt64() >= 100001);
        Assert.Equal("deposit", last.GetProperty("problem").GetString());
        Assert.Contains(last.GetProperty("ticket").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), last.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(locale == "zh-CN", Core.Engine.TextMatching.HasCjk(last.GetProperty("text").GetString()!));
        Assert.True(File.Exists(Path.Combine(_workDir, "data", "supportbot.db")));
    }

    [Theory]
    [InlineData("en", "how long does a USDT TRC20 withdrawal take?", "no")]
    [InlineData("zh-CN", "USDT TRC20 提现要多久？", "没有")]
    public async Task AQuestionGetsTheKnowledgeArticleAndANoGoesOnToTheFlow(string locale, string question, string no)
    {
        var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, [question, no], "chat", "--json", "--user", "asks-" + locale);

        Assert.True(code == 0, stderr);
        var messages = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var answer = Assert.Single(messages, m => m.GetProperty("text").GetString()!.StartsWith("📖 ", StringComparison.Ordinal));
        Assert.Equal(locale == "zh-CN", Core.Engine.TextMatching.HasCjk(answer.GetProperty("text").GetString()!));
        Assert.Contains(messages, m => m.GetProperty("step").GetString() == Core.Engine.Steps.Knowledge
            && m.GetProperty("choices").EnumerateArray().Any());
        var last = messages[^1];
        Assert.Equal("withdrawal", last.GetProperty("problem").GetString());
        Assert.Equal("uid", last.GetProperty("step").GetString());
    }

    [Fact]
    public async Task KilledProcessIsResumedAtTheSameStepBySecondProcess()
    {
        await using (var first = HostProcess.Start(_workDir, "chat", "--json", "--user", "resume-me"))
        {
            await first.WriteLineAsync("my deposit has not arrived");
            await first.WriteLineAsync("2");
            await first.WriteLineAsync("12345678");
            await first.WaitForLinesAsync(1, TestContext.Current.CancellationToken);

            // Wait until the bot asked for the coin (the step after UID), then kill -9 the process mid-flow.
            while (!first.Lines.Any(l => l.Contains("\"step\":\"coin\"", StringComparison.Ordinal)))
            {
                await first.WaitForLinesAsync(first.Lines.Count + 1, TestContext.Current.CancellationToken);
            }

            await first.KillAsync();
        }

        var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, ["USDT"], "chat", "--json", "--user", "resume-me");

        Assert.True(code == 0, stderr);
        var replies = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("network", replies[^1].GetProperty("step").GetString());
        Assert.Equal("deposit", replies[^1].GetProperty("problem").GetString());
    }

    [Fact]
    public async Task NumberPicksShownChoiceAndAttachSendsScreenshot()
    {
        var png = Path.Combine(_workDir, "shot.png");
        await File.WriteAllBytesAsync(png, Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), TestContext.Current.CancellationToken);
        var notImage = Path.Combine(_workDir, "notes.txt");
        await File.WriteAllTextAsync(notImage, "just text", TestContext.Current.CancellationToken);

        // Scam report: menu number → self-help → "still need help" (2) → handle → links skipped → screenshots.
        string[] script = ["hello", "9", "2", "@fake_support_agent", "skip", "/attach " + notImage, "/attach " + png];
        var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, script, "chat", "--json", "--user", "numbers");

        Assert.True(code == 0, stderr);
        var replies = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(replies, r => r.GetProperty("problem").GetString() == "scam" && r.GetProperty("step").GetString() == "screenshots");
        // The text file is refused once, with the reason, and the screenshot question comes again: the dialog does
        // not answer the same file a second time.
        var notImageError = SupportBot.Testing.TestBot.Shipped.Text(
            Core.Catalog.TextKeys.Error(Core.Recognizers.RecognizerErrors.ScreenshotsNotImage)).Get("en");
        Assert.Single(replies, r => r.GetProperty("text").GetString()!.Contains("\"notes.txt\"", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.GetProperty("text").GetString()!.StartsWith(notImageError, StringComparison.Ordinal));
        Assert.True(replies.Count(r => r.GetProperty("step").GetString() == "screenshots") >= 2);
        Assert.Equal("confirm", replies[^1].GetProperty("step").GetString());
        Assert.Contains("@fake_support_agent", replies[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachingMissingFileSaysSoAndKeepsGoing()
    {
        var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, ["/attach /no/such/file.png", "hello"], "chat", "--json", "--user", "missing-file");

        Assert.Equal(0, code);
        Assert.Contains("/no/such/file.png", stderr, StringComparison.Ordinal);
        Assert.Equal("menu", JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("step").GetString());
    }
}
