using Microsoft.Playwright;
using SupportBot.Core.Agents;
using SupportBot.Host.Tests.AgentConsole;
using SupportBot.Testing.Ai;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Host.Tests.Ai;

/// <summary>The console's "Suggest reply" in Debian's Chromium: with AI on the fake model's draft lands in the reply
/// box and nothing is sent until the agent presses Send; with AI off the button is not there.</summary>
public sealed class SuggestReplyBrowserTests(ConsoleBrowserFixture browser) : IClassFixture<ConsoleBrowserFixture>
{
    private const string Draft = "Deposits are credited after the network confirmations the coin needs. I am checking yours now.";

    [Fact]
    public async Task TheDraftLandsInTheReplyBoxAndIsNotSent()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.AnswerText = Draft;
        await using var host = await StartAsync(model, enabled: true);
        var number = await host.OpenTicketAsync("browser-suggest-user");
        var page = await OpenTicketPageAsync(host, number);

        await Expect(page.Locator("#t-suggest")).ToBeVisibleAsync();
        await page.ClickAsync("#t-suggest");

        await Expect(page.Locator("#t-reply")).ToHaveValueAsync(Draft);
        await Expect(page.Locator("#suggest-note")).ToBeVisibleAsync();
        Assert.DoesNotContain(host.Channel.Delivered, m => m.Reply.Text.Contains("network confirmations", StringComparison.Ordinal));
        await Expect(page.Locator("#t-transcript .line.agent")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WithAiOffThereIsNoSuggestButton()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var host = await StartAsync(model, enabled: false);
        var number = await host.OpenTicketAsync("browser-off-user");
        var page = await OpenTicketPageAsync(host, number);

        await Expect(page.Locator("#t-send")).ToBeVisibleAsync();
        await Expect(page.Locator("#t-suggest")).ToBeHiddenAsync();
        Assert.Empty(model.Requests);
    }

    private static Task<ConsoleHost> StartAsync(FakeOpenAiServer model, bool enabled) =>
        ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["AI:Enabled"] = enabled ? "true" : "false",
            ["AI:Endpoint"] = model.Endpoint,
            ["AI:Model"] = "fake-model",
        });

    private async Task<IPage> OpenTicketPageAsync(ConsoleHost host, long number)
    {
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var page = await browser.Chromium.NewPageAsync();
        await page.GotoAsync(host.Address + "agent/");
        await page.FillAsync("#signin-name", "alice");
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#who")).ToContainTextAsync("alice");
        await page.GotoAsync(host.Address + $"agent/#/ticket/{number}");
        await Expect(page.Locator("#t-title")).ToContainTextAsync("#" + number);
        return page;
    }
}
