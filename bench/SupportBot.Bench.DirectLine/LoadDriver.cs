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

        var process = Process.GetCurrentProcess();
        var cpuAtStart = TimeSpan.Zero;
        var cpuAtEnd = TimeSpan.Zero;
        long allocatedAtStart = 0, allocatedAtEnd = 0;
        int gcAtStart = 0, gcAtEnd = 0;
        var stopwatch = Stopwatch.StartNew();
        // The process's CPU time at the window's edges, sampled by a side task (driver and servers together).
        var sampler = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            process.Refresh();
            cpuAtStart = process.TotalProcessorTime;
            allocatedAtStart = GC.GetTotalAllocatedBytes();
            gcAtStart = GC.CollectionCount(0);
            await Task.Delay(measured);
            process.Refresh();
            cpuAtEnd = process.TotalProcessorTime;
            allocatedAtEnd = GC.GetTotalAllocatedBytes();
            gcAtEnd = GC.CollectionCount(0);
        });
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

        await sampler;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(name, connections, all.Length, failures, measured.TotalSeconds, all)
        {
            CpuSeconds = (cpuAtEnd - cpuAtStart).TotalSeconds,
            AllocatedBytes = allocatedAtEnd - allocatedAtStart,
            Collections = gcAtEnd - gcAtStart,
        };
    }
}
