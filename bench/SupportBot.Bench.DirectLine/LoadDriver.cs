using System.Diagnostics;

namespace SupportBot.Bench.DirectLine;

/// <summary>Runs <c>connections</c> client loops, each doing one round trip after another, for a warm-up and then a
/// measured window; records each round trip's latency in the window.</summary>
internal static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(
        string name, int connections, TimeSpan warmup, TimeSpan measured, Func<int, Task<Func<Task<bool>>>> connect)
    {
        var clients = new Func<Task<bool>>[connections];
        for (var i = 0; i < connections; i++)
        {
            clients[i] = await connect(i);
        }

        var stopwatch = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureTo = warmup + measured;
        var latencies = new List<double>[connections];
        var failures = 0L;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<double>(64 * 1024);
            while (stopwatch.Elapsed < measureTo)
            {
                var start = stopwatch.Elapsed;
                var ok = await clients[i]();
                var end = stopwatch.Elapsed;
                if (start >= measureFrom && end <= measureTo)
                {
                    if (ok)
                    {
                        mine.Add((end - start).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        })));

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(name, connections, all.Length, failures, measured.TotalSeconds, all);
    }
}
