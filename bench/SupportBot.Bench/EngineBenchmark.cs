using System.Diagnostics;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Knowledge;

namespace SupportBot.Bench;

/// <summary>Drives the peer's eight-turn conversation through the real router (safety guard, engine, store commit),
/// conversation after conversation, and measures turns/s and per-turn latency, like the peer's bench.js.</summary>
internal static class EngineBenchmark
{
    public static async Task<EngineResult> RunAsync(
        string name,
        DialogCatalog catalog,
        Func<(IConversationStore Conversations, ITicketStore Tickets, IOutboxStore Outbox, IAgentDirectory Agents)> createStore,
        int conversations,
        int warmup,
        int workers,
        bool deliver = true)
    {
        var (store, tickets, outbox, agents) = createStore();
        var registry = new RecognizerRegistry();
        using var knowledge = new LuceneKnowledgeBase(catalog.Knowledge, catalog.Synonyms);
        var engine = new DialogEngine(
            catalog, SlotKinds.All.Select(registry.Get), tickets, agents, new EngineOptions(), TimeProvider.System, knowledge);
        var router = new ConversationRouter(
            engine, new SafetyGuard(new SecretScanner(), catalog), store, catalog, [], TimeProvider.System);

        // The peer drains its reply queue after every turn; ours goes through the outbox to a channel that drops it.
        var dispatcher = deliver ? new OutboxDispatcher(outbox, [new DiscardChannel()], TimeProvider.System) : null;

        await RunConversationsAsync(router, dispatcher, "warmup", 0, warmup, null);
        var latencies = new long[conversations * PeerScript.Turns];
        var perWorker = conversations / workers;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() =>
            RunConversationsAsync(router, dispatcher, "w" + w, w * perWorker, perWorker, latencies))));
        clock.Stop();
        var allocatedPerTurn = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)(perWorker * workers * PeerScript.Turns);
        if (Environment.GetEnvironmentVariable("BENCH_PER_TURN") is not null)
        {
            Console.WriteLine($"allocated {allocatedPerTurn:F0} B/turn; GCs gen0 {GC.CollectionCount(0) - gcBefore[0]}, gen1 {GC.CollectionCount(1) - gcBefore[1]}, gen2 {GC.CollectionCount(2) - gcBefore[2]}; GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms of {clock.ElapsedMilliseconds} ms");
        }

        var measuredTurns = perWorker * workers * PeerScript.Turns;
        if (Environment.GetEnvironmentVariable("BENCH_PER_TURN") is not null)
        {
            for (var turn = 0; turn < PeerScript.Turns; turn++)
            {
                var mean = Enumerable.Range(0, measuredTurns / PeerScript.Turns).Average(n => (double)latencies[(n * PeerScript.Turns) + turn]);
                Console.WriteLine($"turn {turn + 1}: mean {ToMicroseconds((long)mean):F1} µs");
            }
        }

        var sorted = latencies.AsSpan(0, measuredTurns).ToArray();
        Array.Sort(sorted);
        var bytes = await PausedStateBytesAsync(router, store);
        return new EngineResult(
            name,
            workers,
            measuredTurns,
            measuredTurns / clock.Elapsed.TotalSeconds,
            ToMicroseconds(sorted[sorted.Length / 2]),
            ToMicroseconds(sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * 0.99) - 1)]),
            bytes,
            ToMicroseconds((long)sorted.Average()));
    }

    internal static async Task RunConversationsAsync(
        ConversationRouter router, OutboxDispatcher? dispatcher, string prefix, int first, int count, long[]? latencies)
    {
        for (var n = first; n < first + count; n++)
        {
            var key = new ConversationKey(DiscardChannel.Name, prefix + "-" + n);
            for (var turn = 0; turn < PeerScript.Turns; turn++)
            {
                var activity = PeerScript.Activity(key, n, turn, DateTimeOffset.UtcNow);
                var started = Stopwatch.GetTimestamp();
                var result = await router.HandleAsync(activity);
                if (dispatcher is not null)
                {
                    await dispatcher.DrainAsync(DiscardChannel.Name, m => m.Conversation == key);
                }
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (latencies is not null)
                {
                    latencies[(n * PeerScript.Turns) + turn] = elapsed;
                }

                Check(result, turn);
            }
        }
    }

    /// <summary>Every turn must end where the peer's does, or the numbers would measure a broken flow.</summary>
    private static void Check(RouteResult result, int turn)
    {
        var last = result.Replies[^1];
        var ok = turn == PeerScript.Turns - 1 ? last.TicketNumber is not null : last.StepId == PeerScript.ExpectedStep(turn);
        if (result.Status != RouteStatus.Processed || !ok)
        {
            throw new InvalidOperationException($"Turn {turn + 1} ended on step '{last.StepId}' ({result.Status}).");
        }
    }

    /// <summary>Stored state of a conversation paused after the UID step (as the peer's idle mode measures).</summary>
    private static async Task<int> PausedStateBytesAsync(ConversationRouter router, IConversationStore store)
    {
        var key = new ConversationKey("bench", "paused");
        for (var turn = 0; turn < 4; turn++)
        {
            await router.HandleAsync(PeerScript.Activity(key, 12345, turn, DateTimeOffset.UtcNow));
        }

        var stored = await store.LoadAsync(key);
        return stored!.State.Length;
    }

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
