using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>Through the host's outbox loop: 429, 500 and timeouts delay replies but keep their order and lose none.</summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task RateLimitsServerErrorsAndTimeoutsKeepOrderAndLoseNothing()
    {
        await using var bot = await TelegramHarness.StartAsync(new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01" });
        const long chat = 9401;
        bot.Api.Inject(Fault.TooManyRequests("sendMessage", 1) with { ChatId = chat });
        bot.Api.Inject(Fault.ServerError("sendMessage") with { ChatId = chat });
        bot.Api.Inject(Fault.Timeout("sendMessage") with { ChatId = chat });

        await bot.SendAsync(chat, Updates.Text(chat, "hello"));
        await bot.SendAsync(chat, Updates.Text(chat, "my deposit has not arrived"));

        var transcript = await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        var expected = transcript.Where(l => l.Direction == TranscriptDirection.Bot).Select(l => l.Text).ToList();
        var delivered = bot.Api.Sent(chat).Select(c => System.Net.WebUtility.HtmlDecode(c.Text!)).ToList();
        Assert.Equal(expected, delivered);
        Assert.Contains(bot.Api.Calls, c => c.ChatId == chat && c.Status == 429);
        Assert.Contains(bot.Api.Calls, c => c.ChatId == chat && c.Status == 500);
        Assert.Contains(bot.Api.Calls, c => c.ChatId == chat && c.Status == 0);
    }
}
