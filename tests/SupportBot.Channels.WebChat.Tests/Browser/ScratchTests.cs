using static Microsoft.Playwright.Assertions;
namespace SupportBot.Channels.WebChat.Tests.Browser;
public sealed class ScratchTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Scratch()
    {
        var page = await fixture.NewPageAsync();
        await using var context = page.Context;
        var out1 = TestContext.Current.TestOutputHelper!;
        page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) => { if (f.Text?.Contains("attachments") == true) { out1.WriteLine("FRAME " + f.Text); } };
        var webChat = await MicrosoftWebChatPage.OpenAsync(page, fixture.Host.Address, "websocket", "en");
        await webChat.SendAsync("hello");
        await webChat.ExpectBotAsync("Which of these");
        try { await webChat.UploadAsync("transfer.png", TestPng.Square()); } catch (Exception e) { out1.WriteLine(e.Message[..100]); }
        await Expect(page.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(5, new() { Timeout = 4000 }).ContinueWith(_ => { });
        out1.WriteLine(await page.Locator(".webchat__bubble--from-user").Last.EvaluateAsync<string>("e => e.outerHTML"));
    }
}
