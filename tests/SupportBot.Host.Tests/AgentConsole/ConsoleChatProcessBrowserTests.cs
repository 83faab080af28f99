using System.Text.Json;
using Microsoft.Playwright;
using SupportBot.Core.Agents;
using SupportBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The "done when" walk in a real Chromium: a user chatting through the <c>chat</c> command (its own
/// process, the same data folder) opens a ticket; the agent sees it appear, reads the hostile transcript as text,
/// claims and answers; the reply reaches the waiting chat; the user's screenshot and answer show up on the open
/// page; the agent resolves and the user's rating appears on the page, all without a reload.</summary>
public sealed class ConsoleChatProcessBrowserTests(ConsoleBrowserFixture browser) : IClassFixture<ConsoleBrowserFixture>, IDisposable
{
    private const string Hostile = "<script>alert(1)</script> **bold** [link](http://x) <img src=x onerror=alert(2)>";

    // A 2×2 PNG: small, but a real image the browser decodes.
    private const string Png =
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==";

    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-console-chat-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task AgentAnswersAUserChattingThroughTheChatCommandAndSeesTheirRating()
    {
        var data = Path.Combine(_workDir, "data");
        var db = Path.Combine(data, "supportbot.db");
        var files = Path.Combine(data, "attachments");
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = db,
            ["Storage:Attachments:Path"] = files,
        });
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var shot = Path.Combine(_workDir, "shot.png");
        await File.WriteAllBytesAsync(shot, Convert.FromBase64String(Png), Ct);

        var page = await browser.Chromium.NewPageAsync();
        var alerts = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            alerts.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(host.Address + "agent/");
        await page.FillAsync("#signin-name", "alice");
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#live.on")).ToBeVisibleAsync();

        await using var chat = HostProcess.Start(
            _workDir,
            "chat", "--json", "--user", "terminal-user", "--lang", "en", "--",
            "--Storage:Sqlite:Path=" + db, "--Storage:Attachments:Path=" + files, "--Dialogs:Path=" + RepoPaths.Dialogs);
        await chat.WriteLineAsync("hello");
        await chat.WriteLineAsync("talk to a human");
        var (opened, openedAt) = await chat.WaitForLineAsync(l => Json(l).GetProperty("ticket").ValueKind == JsonValueKind.Number, Ct);
        var number = Json(opened).GetProperty("ticket").GetInt64();
        await chat.WriteLineAsync(Hostile);

        // Another process made the ticket: the queue shows it without a reload.
        var row = page.Locator($"tr[data-number='{number}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Console");
        await row.Locator("a").ClickAsync();
        var transcript = page.Locator("#t-transcript");
        await Expect(transcript).ToContainTextAsync(Hostile);
        Assert.Equal(0, await transcript.Locator("script, img, strong, b, a").CountAsync());

        await page.ClickAsync("#t-claim");
        await Expect(page.Locator("#t-claim")).ToHaveTextAsync("Claimed by you");
        await page.FillAsync("#t-reply", "Hi, I am alice from support. Which coin did you deposit?");
        await page.ClickAsync("#t-send");

        // The chat is sent nothing: it prints the reply on its own, signed by alice.
        var (reply, replyAt) = await chat.WaitForLineAsync(l => l.Contains("Which coin did you deposit", StringComparison.Ordinal), Ct, openedAt + 1);
        Assert.Equal("alice", Json(reply).GetProperty("agent").GetProperty("name").GetString());

        await chat.WriteLineAsync("/attach " + shot);
        await chat.WriteLineAsync("USDT, 250 of it");
        await Expect(transcript.Locator(".line.user").Last).ToContainTextAsync("USDT, 250 of it");
        var thumbnail = page.Locator("#t-attachments img");
        await Expect(thumbnail).ToHaveAttributeAsync("alt", "shot.png");
        await Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", 2);
        await ScreenshotAsync(page, "chat-ticket");

        await page.SelectOptionAsync("#t-status", "resolved");
        var (question, questionAt) = await chat.WaitForLineAsync(
            l => Json(l).GetProperty("choices").GetArrayLength() == 5, Ct, replyAt + 1);
        Assert.Equal(number, Json(question).GetProperty("ticket").GetInt64());
        await chat.WriteLineAsync("5");
        await Expect(page.Locator("#t-facts")).ToContainTextAsync("5 / 5");

        // The dashboard charts that one first response and that one rating.
        await page.ClickAsync("#nav-dashboard");
        await Expect(page.Locator("#chart-frt svg circle")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-csat svg circle title")).ToContainTextAsync(": 5 (1)");
        await Expect(page.Locator("#median-frt")).ToContainTextAsync("Median over 30 days");
        await ScreenshotAsync(page, "chat-dashboard");
        Assert.Empty(alerts);

        chat.CloseInput();
        Assert.Equal(0, await chat.WaitForExitAsync());
        Assert.True(questionAt > replyAt);
    }

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    // Set SUPPORTBOT_SCREENSHOTS to a folder to look at the pages.
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SUPPORTBOT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "console-" + name + ".png"), FullPage = true });
        }
    }
}
