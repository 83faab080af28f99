using System.Text.Json.Nodes;
using SupportBot.Channels.Discord.Gateway;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Catalog;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>The gateway's life: drops, resumes, op 7, op 9, zombied connections, fatal close codes.</summary>
public sealed class GatewayTests
{
    private const string User = "100000000000000002";
    private static readonly TimeSpan FirstBackoff = DiscordGateway.Backoff(1, 0.9);

    [Fact]
    public async Task ADroppedConnectionResumesAndTheMessageSentMeanwhileIsNotLost()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        bot.Fake.Drop();
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "hello"));

        await bot.Clock.WaitForTimerAsync(FirstBackoff, TestContext.Current.CancellationToken);
        bot.Clock.Advance(FirstBackoff);

        await bot.ExpectAsync(dm, 0, t => t.Contains(bot.Text(TextKeys.Greeting, "en"), StringComparison.Ordinal));
        Assert.Contains("connect /resume", bot.Fake.GatewayLog);
        Assert.Contains(bot.Fake.GatewayLog, l => l.StartsWith("resume session=session-1 seq=", StringComparison.Ordinal));
        Assert.Single(bot.Fake.GatewayLog, l => l.StartsWith("identify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Op7ReconnectsAtOnceAndResumes()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.SendOpAsync(7);

        await bot.Fake.WaitForAsync(f => f.GatewayLog.Any(l => l.StartsWith("resume", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        Assert.Contains("closed by bot 4000", bot.Fake.GatewayLog);
    }

    [Fact]
    public async Task Op9NotResumableIdentifiesAnewOnTheGatewayUrl()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.SendOpAsync(9, JsonValue.Create(false));

        await bot.Clock.WaitForTimerAsync(FirstBackoff, TestContext.Current.CancellationToken);
        bot.Clock.Advance(FirstBackoff);

        await bot.Fake.WaitForAsync(f => f.GatewayLog.Count(l => l.StartsWith("identify", StringComparison.Ordinal)) == 2, TestContext.Current.CancellationToken);
        Assert.Equal(2, bot.Fake.GatewayLog.Count(l => l == "connect /gateway"));
        Assert.DoesNotContain(bot.Fake.GatewayLog, l => l.StartsWith("resume", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeartbeatsCarryTheSequenceAndAMissedAckReconnectsAndResumes()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var interval = TimeSpan.FromMilliseconds(bot.Fake.HeartbeatIntervalMs);
        await bot.Clock.WaitForTimerAsync(interval * 0.9, TestContext.Current.CancellationToken);
        bot.Fake.DropAcks = true;

        bot.Clock.Advance(interval * 0.9);
        await bot.Fake.WaitForAsync(f => f.GatewayLog.Any(l => l.StartsWith("heartbeat ", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        Assert.Contains("heartbeat 1", bot.Fake.GatewayLog);

        bot.Clock.Advance(interval);
        await bot.Clock.WaitForTimerAsync(FirstBackoff, TestContext.Current.CancellationToken);
        bot.Fake.DropAcks = false;
        bot.Clock.Advance(FirstBackoff);

        await bot.Fake.WaitForAsync(f => f.GatewayLog.Any(l => l.StartsWith("resume", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        Assert.Contains(bot.Log.Lines, l => l.Contains("no heartbeat ACK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "sharding")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "MESSAGE CONTENT")]
    public async Task AFatalCloseCodeStopsTheChannelWithAClearError(int code, string hint)
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.CloseAsync(code);

        var error = await bot.Service.Stopped.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var fatal = Assert.IsType<DiscordGatewayException>(error);
        Assert.Equal(code, fatal.CloseCode);
        Assert.Contains(hint, fatal.Message, StringComparison.Ordinal);
        Assert.Contains(bot.Log.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Single(bot.Fake.GatewayLog, l => l.StartsWith("connect", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4001, true)]
    [InlineData(4002, true)]
    [InlineData(4003, true)]
    [InlineData(4005, true)]
    [InlineData(4007, false)]
    [InlineData(4008, true)]
    [InlineData(4009, false)]
    public async Task ARecoverableCloseCodeReconnectsAfterTheBackOff(int code, bool resumes)
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.CloseAsync(code);

        // Nothing happens before the back-off has passed on the clock.
        await bot.Clock.WaitForTimerAsync(FirstBackoff, TestContext.Current.CancellationToken);
        Assert.Single(bot.Fake.GatewayLog, l => l.StartsWith("connect", StringComparison.Ordinal));
        var session = bot.NextSession();
        bot.Clock.Advance(FirstBackoff);

        Assert.Equal(resumes, await session);
        if (resumes)
        {
            // 4007 (bad seq) and 4009 (timed out) end the session; the others keep it resumable.
            Assert.Contains("connect /resume", bot.Fake.GatewayLog);
            Assert.Single(bot.Fake.GatewayLog, l => l.StartsWith("identify", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(2, bot.Fake.GatewayLog.Count(l => l == "connect /gateway"));
            Assert.Equal(2, bot.Fake.GatewayLog.Count(l => l.StartsWith("identify", StringComparison.Ordinal)));
            Assert.DoesNotContain(bot.Fake.GatewayLog, l => l.StartsWith("resume", StringComparison.Ordinal));
        }

        Assert.Contains(bot.Log.Lines, l => l.Contains("closed the connection (" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", StringComparison.Ordinal));
        Assert.False(bot.Service.Stopped.IsCompleted);
    }

    [Fact]
    public async Task SessionsThatNeverStartBackOffExponentiallyUntilOneDoes()
    {
        await using var bot = await DiscordHarness.StartAsync();
        bot.Fake.CloseOnSessionStart = 4000;
        await bot.Fake.CloseAsync(4000);

        // The session that had worked waits 1 s (times the jitter); each one that fails before RESUMED doubles it.
        for (var failures = 1; failures <= 4; failures++)
        {
            var wait = DiscordGateway.Backoff(failures, 0.9);
            await bot.Clock.WaitForTimerAsync(wait, TestContext.Current.CancellationToken);
            var attempts = bot.Fake.GatewayLog.Count(l => l.StartsWith("resume", StringComparison.Ordinal));
            if (failures < 4)
            {
                bot.Clock.Advance(wait);
                await bot.Fake.WaitForAsync(
                    f => f.GatewayLog.Count(l => l.StartsWith("resume", StringComparison.Ordinal)) == attempts + 1,
                    TestContext.Current.CancellationToken);
            }
        }

        bot.Fake.CloseOnSessionStart = null;
        var session = bot.NextSession();
        bot.Clock.Advance(DiscordGateway.Backoff(4, 0.9));
        Assert.True(await session);
        Assert.Equal(5, bot.Fake.GatewayLog.Count(l => l.StartsWith("connect", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1, 0.0, 0.5)]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(2, 1.0, 2.0)]
    [InlineData(4, 0.5, 6.0)]
    [InlineData(7, 1.0, 60.0)]
    [InlineData(30, 0.0, 30.0)]
    public void TheBackOffDoublesUpToAMinuteAndTheJitterTakesUpToHalfOff(int failures, double jitter, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DiscordGateway.Backoff(failures, jitter));

    [Fact]
    public async Task MalformedGatewayPayloadsAreSkippedWithoutTheirContent()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.SendRawAsync("{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"abandon ability able about");
        await bot.Fake.SendRawAsync("[\"my password is hunter2\"]");
        await bot.Fake.SendRawAsync("{\"op\":\"eleven\"}");
        await bot.Fake.SendRawAsync("{\"op\":42,\"d\":{\"future\":true}}");

        // Fields missing that a message cannot do without (the channel, the author's id).
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["id"] = "1", ["content"] = "secret words no channel", ["author"] = new JsonObject { ["id"] = User } });
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["id"] = "2", ["channel_id"] = "3", ["content"] = "secret words no author" });
        await bot.Fake.DispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "4", ["type"] = 3, ["data"] = new JsonObject { ["custom_id"] = "c:x" } });

        var dm = FakeDiscord.DmChannelOf(User);
        await bot.SayAsync(User, "hello", t => t.Contains(bot.Text(TextKeys.Greeting, "en"), StringComparison.Ordinal));

        Assert.Equal(3, bot.Log.Lines.Count(l => l.Contains("malformed gateway payload", StringComparison.Ordinal)));
        Assert.Equal(2, bot.Log.Lines.Count(l => l.Contains("malformed MESSAGE_CREATE", StringComparison.Ordinal)));
        Assert.Single(bot.Log.Lines, l => l.Contains("malformed INTERACTION_CREATE", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains("abandon", StringComparison.Ordinal)
            || l.Contains("hunter2", StringComparison.Ordinal) || l.Contains("secret words", StringComparison.Ordinal));
        Assert.Single(bot.Fake.GatewayLog, l => l.StartsWith("connect", StringComparison.Ordinal));
        Assert.False(bot.Service.Stopped.IsCompleted);
        Assert.Single(bot.Fake.MessagesTo(dm), m => DiscordHarness.Unescape(m.Content!) == bot.Text(DiscordTexts.Promise, "en"));
    }
}
