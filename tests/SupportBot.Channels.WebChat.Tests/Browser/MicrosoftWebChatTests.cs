using Microsoft.Playwright;
using SupportBot.Core.Storage;
using SupportBot.Testing;

using static Microsoft.Playwright.Assertions;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>Microsoft's unmodified Web Chat bundle (tests/fetch-webchat.sh) against our Direct Line endpoint.</summary>
public sealed class MicrosoftWebChatTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("websocket", "en")]
    [InlineData("websocket", "zh-CN")]
    [InlineData("polling", "en")]
    [InlineData("polling", "zh-CN")]
    public async Task DepositConversationReachesATicketWithAScreenshot(string mode, string locale)
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, ".cache", "webchat", "webchat.js")),
            "Microsoft's Web Chat bundle is missing: run tests/fetch-webchat.sh (tests/run.sh does).");
        var page = await fixture.NewPageAsync(locale: locale);
        await using var context = page.Context;
        var webChat = await MicrosoftWebChatPage.OpenAsync(page, fixture.Host.Address, mode, locale);

        var number = await new DepositConversation(fixture.Catalog, locale).RunAsync(webChat);

        var ticket = await fixture.Host.Get<ITicketStore>().GetTicketAsync(number, TestContext.Current.CancellationToken);
        Assert.NotNull(ticket);
        Assert.Equal("deposit", ticket.Category);
        Assert.Equal("webchat", ticket.Conversation.Channel);
        Assert.NotEmpty(ticket.Attachments);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task OnAPhoneItGreetsAtOnceAndEveryChoiceStaysOnScreen(string locale)
    {
        var page = await fixture.NewPageAsync(phone: true, locale: locale);
        await using var context = page.Context;
        var webChat = await MicrosoftWebChatPage.OpenAsync(page, fixture.Host.Address, "websocket", locale);

        await new DepositConversation(fixture.Catalog, locale).ExpectGreetingAsync(webChat);

        // The menu's choices wrap onto rows ('flow'): none is pushed sideways out of the phone's width.
        var choices = page.Locator(".webchat__suggested-action");
        await Expect(choices.Nth(2)).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<double>("() => window.innerWidth");
        for (var i = 0; i < 3; i++)
        {
            var box = await choices.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"choice {i} at x={box.X}, width {box.Width}, screen {width}");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }
}
