using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>Our widget (wwwroot/widget.js). Playwright's CSS selectors reach into its open shadow root.</summary>
internal sealed class WidgetPage(IPage page) : IChatPage
{
    public IPage Page { get; } = page;

    /// <summary>The message list.</summary>
    public ILocator Log => Page.Locator(".log");

    /// <summary>The bot's (and agents') messages.</summary>
    public ILocator BotMessages => Page.Locator(".msg.bot");

    /// <summary>The user's messages.</summary>
    public ILocator UserMessages => Page.Locator(".msg.user");

    /// <summary>Opens the full-page chat at <c>/</c> in <paramref name="locale"/>.</summary>
    public static async Task<WidgetPage> OpenAsync(IPage page, Uri host, string locale, string transport = "")
    {
        var query = "?locale=" + locale + (transport.Length > 0 ? "&transport=" + transport : "");
        await page.GotoAsync(new Uri(host, "/" + query).ToString());
        var widget = new WidgetPage(page);
        await widget.ExpectReadyAsync();
        return widget;
    }

    /// <summary>Waits until the widget is connected (the send button is enabled).</summary>
    public async Task ExpectReadyAsync() => await Expect(Page.Locator(".send")).ToBeEnabledAsync();

    public async Task SendAsync(string text)
    {
        await ExpectReadyAsync();
        await Page.Locator("#sb-input").FillAsync(text);
        await Page.Locator("#sb-input").PressAsync("Enter");
    }

    public async Task ChooseAsync(string title) =>
        await Page.Locator(".choices .choice:enabled").Filter(new() { HasText = title }).Last.ClickAsync();

    public async Task UploadAsync(string fileName, byte[] png)
    {
        await ExpectReadyAsync();
        await Page.Locator("input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = fileName, MimeType = "image/png", Buffer = png });
        await Expect(Page.Locator(".preview img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Expect(Page.Locator(".preview .file-name")).ToHaveTextAsync(fileName);
        await Page.Locator(".send").ClickAsync();
        await Expect(Page.Locator(".preview")).ToBeHiddenAsync();
    }

    public async Task<string> ExpectBotAsync(string text)
    {
        var message = BotMessages.Locator(".bubble").Filter(new() { HasText = text }).Last;
        await Expect(message).ToBeVisibleAsync();
        return await message.InnerTextAsync();
    }
}
