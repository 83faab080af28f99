using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>Our widget (wwwroot/widget.js) as the full-page chat at <c>/</c>.</summary>
public sealed partial class WidgetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // A valid BIP39 test mnemonic (checksum included), so the safety guard must recognise it.
    private const string SeedPhrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    [Theory]
    [InlineData("en", "")]
    [InlineData("zh-CN", "polling")]
    public async Task DepositConversationReachesATicketWithAScreenshot(string locale, string transport)
    {
        var page = await fixture.NewPageAsync(locale: locale);
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, locale, transport);
        await Expect(page.Locator(".warning")).ToContainTextAsync(locale == "zh-CN" ? "助记词" : "seed phrase");

        var number = await new DepositConversation(fixture.Catalog, locale).RunAsync(widget);

        var ticket = await fixture.Host.Get<ITicketStore>().GetTicketAsync(number, TestContext.Current.CancellationToken);
        Assert.NotNull(ticket);
        Assert.Equal("deposit", ticket.Category);
        Assert.Equal(await ConversationIdAsync(page), ticket.Conversation.Id);
        Assert.NotEmpty(ticket.Attachments);
        // The screenshot bubble shows the image as the host serves it (not the local preview) once echoed.
        var shot = widget.UserMessages.Locator("img.shot").Last;
        await Expect(shot).ToHaveAttributeAsync("src", new Regex("^" + Regex.Escape(fixture.Host.Address.ToString())));
        await Expect(shot).ToHaveJSPropertyAsync("naturalWidth", 16);
        // Every quick reply used is disabled now.
        await Expect(page.Locator(".choice:enabled")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task OpeningTheChatGreetsOnceInThePagesLanguage(string locale)
    {
        var page = await fixture.NewPageAsync(locale: "en-US");
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, locale);
        var deposit = new DepositConversation(fixture.Catalog, locale);

        // Nothing typed: the greeting, the never-share warning and the menu's choices are there.
        await deposit.ExpectGreetingAsync(widget);
        await Expect(page.Locator(".choices .choice:enabled").Filter(
            new() { HasText = fixture.Catalog.FindProblem("deposit")!.Title.Get(locale) })).ToHaveCountAsync(1);
        await Expect(widget.UserMessages).ToHaveCountAsync(0);

        // A reload resumes the same conversation: its history once, no second greeting.
        await page.ReloadAsync();
        await widget.ExpectReadyAsync();
        await deposit.ExpectGreetingAsync(widget);
        await Expect(widget.BotMessages.Filter(new() { HasText = deposit.Text(TextKeys.Greeting) })).ToHaveCountAsync(1);
        var transcript = await fixture.Host.Get<IConversationStore>().GetTranscriptAsync(
            new ConversationKey("webchat", await ConversationIdAsync(page)), 1, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(transcript, line => line.Direction == TranscriptDirection.User);
    }

    [Fact]
    public async Task AScreenshotIsPreviewedThenShowsItsProgressWhileUploading()
    {
        var page = await fixture.NewPageAsync();
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, "en");
        await new DepositConversation(fixture.Catalog, "en").StartAsync(widget);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/upload?**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await page.Locator("input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "transfer.png", MimeType = "image/png", Buffer = TestPng.Square() });
        await Expect(page.Locator(".preview img")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        await Expect(page.Locator(".preview .file-name")).ToHaveTextAsync("transfer.png");
        await Expect(page.Locator(".preview progress")).ToBeHiddenAsync();
        await page.Locator(".send").ClickAsync();

        // Held by the route: the bar shows, the bubble shows the local copy and says it is uploading.
        await Expect(page.Locator(".preview progress")).ToBeVisibleAsync();
        var bubble = widget.UserMessages.Last;
        await Expect(bubble.Locator(".state")).ToHaveTextAsync("Uploading…");
        await Expect(bubble.Locator("img.shot")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        release.SetResult();

        await Expect(page.Locator(".preview")).ToBeHiddenAsync();
        await Expect(bubble.Locator(".state")).ToHaveCountAsync(0);
        await Expect(bubble.Locator("img.shot")).ToHaveAttributeAsync(
            "src", new Regex("^" + Regex.Escape(fixture.Host.Address.ToString()) + ".*/attachments/"));
    }

    [Fact]
    public async Task ReloadInTheMiddleContinuesTheConversation()
    {
        var page = await fixture.NewPageAsync();
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, "en");
        var deposit = new DepositConversation(fixture.Catalog, "en");
        await deposit.StartAsync(widget);
        await deposit.AnswerUidAsync(widget);
        var conversation = await ConversationIdAsync(page);

        await page.ReloadAsync();
        await widget.ExpectReadyAsync();

        Assert.Equal(conversation, await ConversationIdAsync(page));
        await Expect(widget.UserMessages.Filter(new() { HasText = "12345678" })).ToHaveCountAsync(1);
        await widget.ExpectBotAsync(deposit.Prompt("coin"));
        await Expect(page.Locator(".choice:enabled")).ToHaveCountAsync(0); // old quick replies stay used
        var number = await deposit.FinishAsync(widget);
        Assert.True(number > 0);
        await Expect(widget.BotMessages.Filter(new() { HasText = deposit.Prompt("coin") })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SeedPhraseIsRemovedFromTheChatAndTheStoreAndWarnedAbout()
    {
        var page = await fixture.NewPageAsync();
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, "en");
        var deposit = new DepositConversation(fixture.Catalog, "en");
        await deposit.StartAsync(widget);

        await widget.SendAsync("my seed is " + SeedPhrase);

        await widget.ExpectBotAsync(deposit.Text("safety.warning.seedPhrase"));
        await Expect(widget.UserMessages.Last).ToContainTextAsync(deposit.Text("safety.removed.seedPhrase"));
        await Expect(widget.Log).Not.ToContainTextAsync("sausage");
        var transcript = await fixture.Host.Get<IConversationStore>().GetTranscriptAsync(
            new ConversationKey("webchat", await ConversationIdAsync(page)), 1, TestContext.Current.CancellationToken);
        Assert.Contains(transcript, line => line.Text.Contains(deposit.Text("safety.removed.seedPhrase"), StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, line => line.Text.Contains("sausage", StringComparison.Ordinal));
        AssertNotInDataFolder("sausage");

        // Reloaded, the history is the redacted one too.
        await page.ReloadAsync();
        await widget.ExpectReadyAsync();
        await Expect(widget.UserMessages.Last).ToContainTextAsync(deposit.Text("safety.removed.seedPhrase"));
        await Expect(widget.Log).Not.ToContainTextAsync("sausage");
    }

    [Fact]
    public async Task AgentReplyShowsTheAgentsNameAndCodeAndMarkupStaysText()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, "zh-CN");
        var deposit = new DepositConversation(fixture.Catalog, "zh-CN");
        var number = await deposit.RunAsync(widget);
        var agent = await fixture.Host.Get<IAgentStore>().CreateAgentAsync(
            new NewAgent("Alice", AgentRole.Agent, "SB-7K3M9Q", "not-a-real-hash", DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        const string Markup = "看这里 <img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> <b>粗体</b>";

        var result = await fixture.Host.Get<TicketDesk>().ReplyAsync(
            number, DeskActor.For(agent), Markup, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Outcome + " " + result.Problem);
        var reply = page.Locator(".msg.agent").Filter(new() { HasText = "看这里" });
        await Expect(reply.Locator(".who")).ToContainTextAsync("Alice");
        await Expect(reply.Locator(".who")).ToContainTextAsync("SB-7K3M9Q");
        await Expect(reply.Locator(".bubble")).ToHaveTextAsync(Markup);
        await Expect(page.Locator("img[src=x], .log script, .log b")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));

        // The user's own markup is shown as typed, too.
        await widget.SendAsync("<img src=y onerror=\"window.__xss=3\">");
        await Expect(widget.UserMessages.Last.Locator(".bubble")).ToHaveTextAsync("<img src=y onerror=\"window.__xss=3\">");
        await Expect(page.Locator("img[src=y]")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
    }

    [Fact]
    public async Task PhoneSizedChatHasNoHorizontalScroll()
    {
        var page = await fixture.NewPageAsync(phone: true, locale: "zh-CN");
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, "zh-CN");
        var deposit = new DepositConversation(fixture.Catalog, "zh-CN");
        await deposit.StartAsync(widget);

        var sent = await widget.UserMessages.CountAsync();
        await widget.SendAsync(new string('9', 120) + DepositConversation.Txid + DepositConversation.Txid);
        await Expect(widget.UserMessages).ToHaveCountAsync(sent + 1);
        await Expect(widget.BotMessages.Last).ToContainTextAsync("UID"); // answered: not a UID, asked again

        await Expect(page.Locator(".warning")).ToBeInViewportAsync();
        await Expect(page.Locator(".launcher")).ToBeHiddenAsync(); // the full page has no launcher over the send button
        await Expect(page.Locator("#sb-input")).ToBeInViewportAsync();
        await Expect(page.Locator(".send")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.True(await widget.Log.EvaluateAsync<bool>("log => log.scrollWidth <= log.clientWidth"),
            "the message list scrolls sideways");
        var box = await page.Locator(".panel").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Width, 380, 390);
    }

    [Fact]
    public async Task ChatIsUsableByKeyboardAndScreenReader()
    {
        var page = await fixture.NewPageAsync();
        await using var context = page.Context;
        var widget = await WidgetPage.OpenAsync(page, fixture.Host.Address, "en");

        await Expect(page.GetByRole(AriaRole.Log, new() { Name = "Conversation" })).ToHaveAttributeAsync("aria-live", "polite");
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await Expect(input).ToBeFocusedAsync();
        await input.FillAsync("hello");
        await input.PressAsync("Enter");
        await widget.ExpectBotAsync(new DepositConversation(fixture.Catalog, "en").Text(Core.Catalog.TextKeys.MenuPrompt));
        // From the message box, Shift+Tab goes to the attach control, then to the last quick reply.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByLabel("Attach a screenshot")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Quick replies" }).GetByRole(AriaRole.Button).Last)
            .ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "切换到中文" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "切换到中文" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "消息" })).ToBeVisibleAsync();
        await Expect(page.Locator(".warning")).ToContainTextAsync("助记词");
    }

    private void AssertNotInDataFolder(string word)
    {
        var needle = Encoding.UTF8.GetBytes(word);
        foreach (var file in Directory.EnumerateFiles(fixture.Host.DataFolder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(needle) < 0, $"'{word}' is stored in {file}");
        }
    }

    private static async Task<string> ConversationIdAsync(IPage page) => await page.EvaluateAsync<string>(
        "() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('supportbot.webchat:'))))" +
        ".conversationId");
}
