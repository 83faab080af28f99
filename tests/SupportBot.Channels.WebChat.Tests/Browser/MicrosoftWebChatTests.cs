using SupportBot.Core.Storage;
using SupportBot.Testing;

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
}
