using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>Microsoft's unmodified Web Chat at <c>/webchat-ms</c>, through its stable selectors
/// (protocols.md C.11b).</summary>
internal sealed class MicrosoftWebChatPage(IPage page) : IChatPage
{
    public IPage Page { get; } = page;

    /// <summary>Opens <c>/webchat-ms</c> in <paramref name="mode"/> (<c>websocket</c> or <c>polling</c>).</summary>
    public static async Task<MicrosoftWebChatPage> OpenAsync(IPage page, Uri host, string mode, string locale)
    {
        await page.GotoAsync(new Uri(host, $"/webchat-ms?mode={mode}&locale={locale}").ToString());
        var webChat = new MicrosoftWebChatPage(page);
        await Expect(page.Locator("[data-id=\"webchat-sendbox-input\"]")).ToBeEditableAsync();
        return webChat;
    }

    public async Task SendAsync(string text)
    {
        var input = Page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    public async Task ChooseAsync(string title) =>
        await Page.Locator(".webchat__suggested-action").Filter(new() { HasText = title }).Last.ClickAsync();

    public async Task UploadAsync(string fileName, byte[] png)
    {
        // Web Chat 4.18 holds the file in the send box (the attach icon shows it) until Send is pressed. Once echoed,
        // the bubble links to the copy the host keeps (Web Chat shows a user's upload as an image only while it has
        // a thumbnail, else as a file link).
        var echoed = Page.Locator(".webchat__bubble--from-user")
            .Locator("img[src*='/attachments/'], a[href*='/attachments/']");
        var before = await echoed.CountAsync();
        await Page.Locator("input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = fileName, MimeType = "image/png", Buffer = png });
        await Expect(Page.Locator(".webchat__attachment-icon--checked")).ToBeVisibleAsync();
        var upload = await Page.RunAndWaitForResponseAsync(
            () => Page.Locator(".webchat__send-button").ClickAsync(), r => r.Url.Contains("/upload?", StringComparison.Ordinal));
        Assert.Equal(200, upload.Status);
        await Expect(echoed).ToHaveCountAsync(before + 1);
    }

    public async Task<string> ExpectBotAsync(string text)
    {
        var message = Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content")
            .Filter(new() { HasText = text }).Last;
        await Expect(message).ToBeVisibleAsync();
        return await message.InnerTextAsync();
    }
}
