using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Channels.Discord.Wire;
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
    public async Task AGlobal429HoldsEveryRouteAndChannelUntilItPasses()
    {
        await using var bot = await DiscordHarness.StartAsync(staff: false);
        var rest = bot.Get<DiscordRestClient>();
        bot.Fake.FailNext(Route, new ScriptedFailure(429, RetryAfterSeconds: 7, Global: true));
        var first = Send(rest, "900000000000000011", "one");
        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Status == 429), TestContext.Current.CancellationToken);
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        var limitedAt = bot.Clock.GetUtcNow();

        // Another channel and another route both wait out the same 7 s.
        var other = Send(rest, "900000000000000012", "two");
        var thread = rest.SendAsync(DiscordRoute.CreateThread("900000000000000013"), new ThreadCreate("t", 60, 11),
            DiscordJsonContext.Default.ThreadCreate, DiscordJsonContext.Default.DiscordChannel, TestContext.Current.CancellationToken);
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        var before = bot.Fake.Requests.Count;
        bot.Clock.Advance(TimeSpan.FromSeconds(7));
        await Task.WhenAll(first, other, thread).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var times = bot.Fake.RequestTimes;
        Assert.Equal(before + 3, bot.Fake.Requests.Count);
        Assert.All(times.Skip(before), t => Assert.True(t >= limitedAt + TimeSpan.FromSeconds(7)));
        Assert.Single(bot.Fake.MessagesTo("900000000000000011"));
        Assert.Single(bot.Fake.MessagesTo("900000000000000012"));
        Assert.Contains(bot.Log.Lines, l => l.Contains("hit a global rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARouteLimitHoldsOnlyItsOwnChannel()
    {
        await using var bot = await DiscordHarness.StartAsync(staff: false);
        var rest = bot.Get<DiscordRestClient>();
        bot.Fake.FailNext(Route, new ScriptedFailure(429, RetryAfterSeconds: 7));
        var limited = Send(rest, "900000000000000011", "one");
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);

        // The same route to another channel is another bucket (per top-level resource): it goes at once.
        await Send(rest, "900000000000000012", "two").WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Single(bot.Fake.MessagesTo("900000000000000012"));
        Assert.Empty(bot.Fake.MessagesTo("900000000000000011"));

        bot.Clock.Advance(TimeSpan.FromSeconds(7));
        await limited.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Single(bot.Fake.MessagesTo("900000000000000011"));
    }

    [Fact]
    public async Task RoutesInOneBucketWaitTogetherAndAnEmptyBucketWaitsForItsReset()
    {
        await using var bot = await DiscordHarness.StartAsync(staff: false);
        var rest = bot.Get<DiscordRestClient>();
        const string Delete = "DELETE /channels/{channel_id}/messages/{message_id}";
        const string Channel = "900000000000000011";
        bot.Fake.SharedBuckets[Route] = "messages";
        bot.Fake.SharedBuckets[Delete] = "messages";

        // Both routes learn their bucket from a first answer.
        await Send(rest, Channel, "one");
        await rest.SendAsync(DiscordRoute.DeleteMessage(Channel, "1"), null, DiscordJsonContext.Default.NoBody, TestContext.Current.CancellationToken);

        // A 429 on one route of the bucket makes the other wait as well.
        bot.Fake.FailNext(Route, new ScriptedFailure(429, RetryAfterSeconds: 5));
        var send = Send(rest, Channel, "two");
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var delete = rest.SendAsync(DiscordRoute.DeleteMessage(Channel, "2"), null, DiscordJsonContext.Default.NoBody, TestContext.Current.CancellationToken);
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Route == Delete && r.Path.EndsWith("/2", StringComparison.Ordinal));
        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(send, delete).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // X-RateLimit-Remaining 0 with X-RateLimit-Reset-After 2.5: the next request of the bucket waits 2.5 s.
        bot.Fake.ExhaustNext(Delete, 2.5);
        await rest.SendAsync(DiscordRoute.DeleteMessage(Channel, "3"), null, DiscordJsonContext.Default.NoBody, TestContext.Current.CancellationToken);
        var third = Send(rest, Channel, "three");
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal(2, bot.Fake.MessagesTo(Channel).Count);
        bot.Clock.Advance(TimeSpan.FromSeconds(2.5));
        await third.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(3, bot.Fake.MessagesTo(Channel).Count);
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task AWaitLongerThanTheCallMaySitOutGoesBackToTheOutboxWithItsRetryAfter()
    {
        await using var bot = await DiscordHarness.StartAsync(staff: false);
        var client = bot.Get<IEnumerable<IChannelClient>>().Single(c => c.Channel == "discord");
        bot.Fake.FailNext(Route, new ScriptedFailure(429, RetryAfterSeconds: 120));

        var result = await client.DeliverAsync(
            new OutboxMessage(1, new ConversationKey("discord", FakeDiscord.DmChannelOf(User)), BotReply.Plain("hi"), bot.Clock.GetUtcNow()),
            TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
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

    private static Task<CreatedMessage> Send(DiscordRestClient rest, string channel, string text) =>
        rest.SendAsync(DiscordRoute.CreateMessage(channel), new MessageCreate(text), DiscordJsonContext.Default.MessageCreate,
            DiscordJsonContext.Default.CreatedMessage, TestContext.Current.CancellationToken);
}
