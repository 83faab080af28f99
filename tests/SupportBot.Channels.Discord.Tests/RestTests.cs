using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>Rate limits, error codes and /support through the fake REST API.</summary>
public sealed class RestTests
{
    private const string User = "100000000000000003";
    private const string Route = "POST /channels/{channel_id}/messages";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A429IsWaitedOutOnTheClockAndOrderIsKept(bool global)
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        bot.Fake.FailNext(Route, new ScriptedFailure(429, RetryAfterSeconds: 7, Global: global));
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "hello"));

        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        var limitedAt = bot.Clock.GetUtcNow();
        bot.Clock.Advance(TimeSpan.FromSeconds(7));

        await bot.ExpectAsync(dm, 0, t => t.Contains(bot.Text(TextKeys.Greeting, "en"), StringComparison.Ordinal));
        var sent = bot.Fake.MessagesTo(dm);
        Assert.Equal(bot.Text(DiscordTexts.Promise, "en"), DiscordHarness.Unescape(sent[0].Content!));
        var requests = bot.Fake.Requests;
        var limited = requests.ToList().FindIndex(r => r.Status == 429);
        for (var i = limited + 1; i < requests.Count; i++)
        {
            if (!requests[i].Template.StartsWith("/interactions", StringComparison.Ordinal))
            {
                Assert.True(bot.Fake.RequestTimes[i] >= limitedAt + TimeSpan.FromSeconds(7), "a request went out during the wait");
            }
        }

        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task AUserWhoClosedTheirDmsIsUnreachable()
    {
        await using var bot = await DiscordHarness.StartAsync();
        bot.Fake.ClosedDms.Add(User);
        var client = bot.Get<IEnumerable<IChannelClient>>().Single(c => c.Channel == "discord");

        var result = await client.DeliverAsync(
            new OutboxMessage(1, new ConversationKey("discord", FakeDiscord.DmChannelOf(User)), BotReply.Plain("hi"), bot.Clock.GetUtcNow()),
            TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Unreachable, result.Status);
        Assert.Contains("50007", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportInTheGuildOpensADmThatStartsWithThePromise()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        await bot.Fake.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Command(bot.Fake.NextId(), "support", "900000000000000010", User, "zh-CN"));

        await bot.ExpectAsync(dm, 0, t => t.Contains(bot.Text(TextKeys.Greeting, "zh-CN"), StringComparison.Ordinal));
        Assert.Equal(bot.Text(DiscordTexts.Promise, "zh-CN"), DiscordHarness.Unescape(bot.Fake.MessagesTo(dm)[0].Content!));
        var callback = bot.Fake.Requests.First(r => r.Template.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        Assert.Equal(64, callback.Body!["data"]!["flags"]!.GetValue<int>());
        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Template.EndsWith("@original", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        var edit = bot.Fake.Requests.First(r => r.Template.EndsWith("@original", StringComparison.Ordinal));
        Assert.Equal(bot.Text(DiscordTexts.DmOpened, "zh-CN"), DiscordHarness.Unescape(edit.Content!));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task SupportWithClosedDmsSaysHowToOpenThem()
    {
        await using var bot = await DiscordHarness.StartAsync();
        bot.Fake.ClosedDms.Add(User);
        await bot.Fake.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Command(bot.Fake.NextId(), "support", "900000000000000010", User, "en-US"));

        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Template.EndsWith("@original", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        var edit = bot.Fake.Requests.First(r => r.Template.EndsWith("@original", StringComparison.Ordinal));
        Assert.Equal(bot.Text(DiscordTexts.DmClosed, "en"), DiscordHarness.Unescape(edit.Content!));
    }
}
