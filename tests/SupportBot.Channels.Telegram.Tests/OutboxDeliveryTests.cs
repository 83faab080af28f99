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

    [Fact]
    public async Task AUserWhoBlockedTheBotIsMarkedUnreachableOnTheirTicketAndNotTriedAgain()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 9402;
        await bot.SendAsync(chat, Updates.Text(chat, "hello"));
        await bot.SendAsync(chat, Updates.Text(chat, "talk to a human"));
        var tickets = bot.Host.Get<ITicketStore>();
        var number = Assert.Single(await tickets.ListTicketsForUserAsync("telegram", TelegramHarness.Id(chat), TestContext.Current.CancellationToken)).Number;
        Assert.False((await tickets.GetTicketAsync(number, TestContext.Current.CancellationToken))!.Unreachable);

        bot.Api.Inject(Fault.Blocked() with { ChatId = chat, Times = 1000 });
        await bot.SendAsync(chat, Updates.Text(chat, "are you there?"));
        await bot.SendAsync(chat, Updates.Text(chat, "hello?"));

        Assert.True((await tickets.GetTicketAsync(number, TestContext.Current.CancellationToken))!.Unreachable);
        var blocked = bot.Api.Calls.Where(c => c.ChatId == chat && c.Status == 403).ToList();
        var outbox = await bot.Host.Get<IOutboxStore>().FetchPendingAsync(
            "telegram", DateTimeOffset.UtcNow.AddYears(1), 100, TestContext.Current.CancellationToken);
        Assert.Empty(outbox);

        // One refused try per turn: the rest of that turn's replies are given up with it, nothing is tried again.
        Assert.InRange(blocked.Count, 1, 2);
    }
}
