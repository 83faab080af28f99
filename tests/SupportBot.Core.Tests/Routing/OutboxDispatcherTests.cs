using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Routing;
using SupportBot.Core.Storage;
using SupportBot.Storage.Memory;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Routing;

/// <summary>The dispatcher keeps per-conversation order, honours a channel's retry-after, gives up on an
/// unreachable user, and does not let one slow conversation hold up the others.</summary>
public sealed class OutboxDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARetryAfterHoldsTheConversationBackForThatLongAndKeepsItsOrder()
    {
        var time = new ManualTimeProvider();
        var store = new InMemoryBotStore();
        var channel = new ScriptedChannel();
        var a = new ConversationKey(ScriptedChannel.Name, "a");
        await EnqueueAsync(store, a, time, "a1", "a2");
        channel.Next.Enqueue(DeliveryResult.Retry("429", TimeSpan.FromSeconds(7)));
        var dispatcher = new OutboxDispatcher(store, [channel], time);

        Assert.Equal(0, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));

        Assert.Equal(["a1", "a1", "a2"], channel.Attempted);
    }

    [Fact]
    public async Task AnUnreachableUserIsGivenUpWithoutTryingTheRestAndOthersStillGetTheirs()
    {
        var time = new ManualTimeProvider();
        var store = new InMemoryBotStore();
        var channel = new ScriptedChannel();
        var blocked = new ConversationKey(ScriptedChannel.Name, "blocked");
        var fine = new ConversationKey(ScriptedChannel.Name, "fine");
        await EnqueueAsync(store, blocked, time, "b1", "b2", "b3");
        await EnqueueAsync(store, fine, time, "f1");
        channel.FailFor.Add("b1");
        var dispatcher = new OutboxDispatcher(store, [channel], time);

        Assert.Equal(1, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));

        Assert.DoesNotContain("b2", channel.Attempted);
        Assert.Contains("f1", channel.Attempted);
        Assert.Empty(await store.FetchPendingAsync(ScriptedChannel.Name, time.GetUtcNow(), 10, Ct));
    }

    [Fact]
    public async Task AThrowingChannelIsRetriedWithBackoff()
    {
        var time = new ManualTimeProvider();
        var store = new InMemoryBotStore();
        var channel = new ScriptedChannel { ThrowOnce = true };
        await EnqueueAsync(store, new ConversationKey(ScriptedChannel.Name, "x"), time, "x1");
        var dispatcher = new OutboxDispatcher(store, [channel], time);

        Assert.Equal(0, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));
        time.Advance(OutboxDispatcher.Backoff(1));
        Assert.Equal(1, await dispatcher.DrainAsync(ScriptedChannel.Name, cancellationToken: Ct));
    }

    [Fact]
    public async Task ASignalWakesAWaiterAndATimeoutOnTheClockEndsTheWait()
    {
        var time = new ManualTimeProvider();
        var signal = new OutboxSignal();
        var woken = signal.WaitAsync("c", TimeSpan.FromSeconds(5), time, Ct);
        Assert.False(woken.IsCompleted);
        signal.Notify("c");
        Assert.True(await woken);

        var timedOut = signal.WaitAsync("c", TimeSpan.FromSeconds(5), time, Ct);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(await timedOut);
    }

    private static async Task EnqueueAsync(InMemoryBotStore store, ConversationKey key, TimeProvider time, params string[] texts)
    {
        await store.CommitTurnAsync(
            new TurnCommit
            {
                Conversation = key,
                UserId = key.Id,
                ExpectedVersion = 0,
                State = "{}"u8.ToArray(),
                Outbox = [.. texts.Select(BotReply.Plain)],
                At = time.GetUtcNow(),
            },
            Ct);
    }

    private sealed class ScriptedChannel : IChannelClient
    {
        public const string Name = "scripted";

        public Queue<DeliveryResult> Next { get; } = new();

        public HashSet<string> FailFor { get; } = [];

        public bool ThrowOnce { get; set; }

        public List<string> Attempted { get; } = [];

        public string Channel => Name;

        public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
        {
            lock (Attempted)
            {
                Attempted.Add(message.Reply.Text);
            }

            if (ThrowOnce)
            {
                ThrowOnce = false;
                throw new HttpRequestException("connection reset");
            }

            if (FailFor.Contains(message.Reply.Text))
            {
                return Task.FromResult(DeliveryResult.Unreachable("blocked"));
            }

            return Task.FromResult(Next.TryDequeue(out var scripted) ? scripted : DeliveryResult.Delivered);
        }

        public Task<DeleteOutcome> DeleteMessageAsync(ConversationKey conversation, string messageId, CancellationToken cancellationToken = default) =>
            Task.FromResult(DeleteOutcome.NotSupported);
    }
}
