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

    [Fact]
    public async Task AClosableCodeReconnects()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.CloseAsync(4000);

        await bot.Clock.WaitForTimerAsync(FirstBackoff, TestContext.Current.CancellationToken);
        bot.Clock.Advance(FirstBackoff);

        await bot.Fake.WaitForAsync(f => f.GatewayLog.Any(l => l.StartsWith("resume", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
    }
}
