using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Agents;
using SupportBot.Core.Handoff;
using SupportBot.Host.AgentConsole;
using SupportBot.Testing;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The console's feed on a hand-moved clock. The bot here stands for another process: its changes reach
/// the store but not the feed's own events, so the feed learns of them only by looking.</summary>
public sealed class ConsoleTicketFeedTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestBot _other = new();
    private readonly TicketEvents _local = new();
    private readonly Channel<int> _looks = Channel.CreateUnbounded<int>();
    private readonly ConsoleTicketFeed _feed;

    public ConsoleTicketFeedTests()
    {
        _feed = new ConsoleTicketFeed(_local, _other.Store, _other.Time, NullLogger<ConsoleTicketFeed>.Instance);
        _feed.Polled += announced => _looks.Writer.TryWrite(announced);
    }

    public async ValueTask DisposeAsync()
    {
        await _feed.StopAsync(CancellationToken.None);
        _feed.Dispose();
    }

    [Fact]
    public async Task ChangesAnotherProcessStoredAreAnnouncedOnceEachWithWhatHappened()
    {
        await _feed.StartAsync(Ct);
        using var listening = _feed.Subscribe();
        var chat = _other.Conversation("elsewhere", channel: "console", locale: "en");
        await chat.SendAsync("hello");
        await chat.SendAsync("talk to a human");
        var number = chat.LastResult!.TicketNumber!.Value;

        Assert.Equal(1, await LookAsync());
        Assert.Equal((number, TicketEventKind.Created), Next(listening));
        Assert.Equal(0, await LookAsync());
        Assert.False(listening.Reader.TryRead(out _));

        var agent = await _other.Store.CreateAgentAsync(new NewAgent("alice", AgentRole.Agent, "SB-ALICE2", "hash", _other.Time.GetUtcNow()), Ct);
        Assert.True((await _other.Desk.ClaimAsync(number, agent, Ct)).Succeeded);
        Assert.Equal(1, await LookAsync());
        Assert.Equal((number, TicketEventKind.Changed), Next(listening));

        await chat.SendAsync("it is still not there");
        Assert.Equal(1, await LookAsync());
        Assert.Equal((number, TicketEventKind.UserMessage), Next(listening));

        // This process's own events pass straight through, without waiting for a look.
        _local.Publish(new TicketEvent(number, TicketEventKind.Note, _other.Time.GetUtcNow()));
        var forwarded = await listening.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(TicketEventKind.Note, forwarded.Kind);
    }

    [Fact]
    public async Task WithNobodyListeningNothingIsAnnouncedLater()
    {
        await _feed.StartAsync(Ct);
        var chat = _other.Conversation("unwatched", channel: "console", locale: "en");
        await chat.SendAsync("hello");
        await chat.SendAsync("talk to a human");
        Assert.Equal(0, await LookAsync());

        // A console that connects later loads the queue as it is; changes older than a look covers are not
        // replayed to it.
        for (var second = 0; second < 16; second++)
        {
            Assert.Equal(0, await LookAsync());
        }

        using var listening = _feed.Subscribe();
        Assert.Equal(0, await LookAsync());
        Assert.False(listening.Reader.TryRead(out _));
    }

    private async Task<int> LookAsync()
    {
        _other.Time.Advance(ConsoleTicketFeed.PollInterval);
        return await _looks.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private static (long Number, TicketEventKind Kind) Next(TicketSubscription subscription)
    {
        Assert.True(subscription.Reader.TryRead(out var next));
        return (next.Number, next.Kind);
    }
}
