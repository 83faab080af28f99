using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>The widget embedded with one script tag in another site's page (another origin).</summary>
public sealed class EmbeddedWidgetTests(EmbeddedWidgetFixture fixture) : IClassFixture<EmbeddedWidgetFixture>
{
    [Fact]
    public async Task ScriptTagAddsALauncherThatOpensAChineseChatOnAPhone()
    {
        var page = await fixture.NewPageAsync(phone: true, locale: "en-US");
        await using var context = page.Context;
        await page.GotoAsync(fixture.ShopPage.ToString());
        var widget = new WidgetPage(page);

        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "打开客服聊天" });
        await launcher.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "消息" })).ToBeFocusedAsync();
        await Expect(page.Locator(".warning")).ToContainTextAsync("助记词");
        // Opening the chat is enough for the bot to greet, warn and show the menu, in the tag's language.
        await new DepositConversation(fixture.Catalog, "zh-CN").ExpectGreetingAsync(widget);

        // The page's own styles and text are untouched; the panel covers the phone screen without sideways scroll.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Example shop");
        var box = await page.Locator(".panel").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Width, 380, 390);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        // Escape closes the panel and gives the focus back to the launcher.
        await page.Keyboard.PressAsync("Escape");
        await Expect(launcher).ToBeFocusedAsync();
    }
}
