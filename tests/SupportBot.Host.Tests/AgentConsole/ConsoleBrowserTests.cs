using Microsoft.Playwright;
using SupportBot.Core.Agents;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The console in a real headless Chromium against the real host: sign in, live queue, claim, reply to a
/// conversation, the user's answer arriving without reload, user text shown as text, a lost claim explained.</summary>
public sealed class ConsoleBrowserTests(ConsoleBrowserFixture browser) : IClassFixture<ConsoleBrowserFixture>
{
    private const string Hostile = "<script>alert(1)</script> **markdown** <img src=x onerror=alert(2)>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AgentClaimsRepliesAndSeesTheUsersAnswerLive()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (alice, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var page = await browser.Chromium.NewPageAsync();
        var alerts = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            alerts.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await SignInAsync(page, host, "alice", password);
        await Expect(page.Locator("#live.on")).ToBeVisibleAsync();

        // A conversation opens a ticket while the queue is on screen: it appears without a reload.
        var number = await host.OpenTicketAsync("live-user");
        await host.SayAsync("live-user", Hostile);
        var row = page.Locator($"tr[data-number='{number}']");
        await Expect(row).ToBeVisibleAsync();

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#t-title")).ToContainTextAsync("#" + number);
        var transcript = page.Locator("#t-transcript");
        await Expect(transcript).ToContainTextAsync(Hostile);
        Assert.Equal(0, await transcript.Locator("script, img, strong, b").CountAsync());

        await page.ClickAsync("#t-claim");
        await Expect(page.Locator("#t-facts")).ToContainTextAsync("alice");
        await Expect(page.Locator("#t-claim")).ToHaveTextAsync("Claimed by you");

        await page.FillAsync("#t-reply", "Hello, I am looking at your ticket now.");
        await page.ClickAsync("#t-send");
        var delivered = await host.Channel.WaitForAsync(
            m => m.Reply.Agent is not null && m.Reply.Text.Contains("looking at your ticket", StringComparison.Ordinal), Ct);
        Assert.Equal("live-user", delivered.Conversation.Id);
        Assert.Equal(new SupportBot.Core.Activities.AgentSignature("alice", alice.Code), delivered.Reply.Agent);
        await Expect(transcript.Locator(".line.agent")).ToContainTextAsync("looking at your ticket");
        await Expect(page.Locator("#t-reply")).ToHaveValueAsync("");

        // The user answers in their chat: the line shows up on the open ticket page without a reload.
        await host.SayAsync("live-user", "Thanks! The deposit was 250 USDT.");
        await Expect(transcript.Locator(".line.user").Last).ToContainTextAsync("The deposit was 250 USDT.");

        await ScreenshotAsync(page, "ticket");
        Assert.Empty(alerts);
    }

    [Fact]
    public async Task BlockedReplyKeepsTheTextAndSecondAgentsClaimIsRefusedWithWhoHasIt()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, alicePassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");
        var number = await host.OpenTicketAsync("contested-user");
        var alice = await browser.Chromium.NewPageAsync();
        var bob = await browser.Chromium.NewPageAsync();
        await SignInAsync(alice, host, "alice", alicePassword);
        await SignInAsync(bob, host, "bob", bobPassword);
        await alice.GotoAsync(host.Address + $"agent/#/ticket/{number}");
        await bob.GotoAsync(host.Address + $"agent/#/ticket/{number}");
        await Expect(bob.Locator("#t-title")).ToContainTextAsync("#" + number);

        await alice.ClickAsync("#t-claim");
        await Expect(alice.Locator("#t-claim")).ToHaveTextAsync("Claimed by you");
        await bob.ClickAsync("#t-claim");
        await Expect(bob.Locator("#t-error")).ToContainTextAsync("already claimed by alice");

        await alice.FillAsync("#t-reply", "Please send me your private key so I can check");
        await alice.ClickAsync("#t-send");
        await Expect(alice.Locator("#reply-error")).Not.ToBeEmptyAsync();
        await Expect(alice.Locator("#t-reply")).ToHaveValueAsync("Please send me your private key so I can check");
        Assert.DoesNotContain(host.Channel.Delivered, m => m.Reply.Text.Contains("private key so I", StringComparison.Ordinal));
        await ScreenshotAsync(bob, "refused");

        await alice.ClickAsync("#nav-dashboard");
        await Expect(alice.Locator("#chart-open svg rect")).ToHaveCountAsync(4);
        await ScreenshotAsync(alice, "dashboard");
    }

    private static async Task SignInAsync(IPage page, ConsoleHost host, string name, string password)
    {
        await page.GotoAsync(host.Address + "agent/");
        await page.FillAsync("#signin-name", name);
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#who")).ToContainTextAsync(name);
    }

    // Set SUPPORTBOT_SCREENSHOTS to a folder to look at the pages.
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SUPPORTBOT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "console-" + name + ".png"), FullPage = true });
        }
    }
}
