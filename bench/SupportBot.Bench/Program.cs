using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportBot.Bench;
using SupportBot.Bench.Safety;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Dialogs;
using SupportBot.Storage.Memory;
using SupportBot.Storage.Sqlite;

// Usage: dotnet run -c Release --project bench/SupportBot.Bench -- [--conversations N] [--warmup N]
//        [--peer peer.json] [--markdown docs/benchmarks.md]
// bench/run.sh runs the peer first and passes its result here, so both sides come from the same run.
var conversations = IntArg("--conversations", 12_000);
var warmup = IntArg("--warmup", 1_000);
var peerFile = Arg("--peer");
var markdownFile = Arg("--markdown");
var memoryOnly = args.Contains("--memory-only"); // for profiling the engine alone

var root = FindRoot();
var catalog = PeerScript.Catalog(DialogCatalogLoader.Load(Path.Combine(root, "dialogs")));

// --scaling: the deposit conversation and the queue views with 1,000 … 1,000,000 stored tickets (bench/run.sh's
// scaling step); --keep DIR keeps the 100,000 and 1,000,000 ticket databases there for the start-up measurement.
if (args.Contains("--scaling"))
{
    var sizes = (Arg("--sizes") ?? "1000,10000,100000,1000000")
        .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    var keep = Arg("--keep") ?? Directory.CreateTempSubdirectory("supportbot-scaling-").FullName;
    Directory.CreateDirectory(keep);
    var scaling = new List<ScalingResult>();
    foreach (var sqlite in new[] { false, true })
    {
        if (sqlite && memoryOnly)
        {
            continue;
        }

        var measured = await ScalingBenchmark.RunAsync(catalog, sizes, conversations, sqlite, keep, Console.WriteLine);
        foreach (var r in measured)
        {
            Console.WriteLine(JsonSerializer.Serialize(r));
        }

        scaling.AddRange(measured);
        GC.Collect();
    }

    if (markdownFile is not null)
    {
        ScalingReport.Write(markdownFile, ScalingReport.Render(scaling, conversations));
        Console.WriteLine("wrote " + markdownFile);
    }

    return 0;
}
var results = new List<EngineResult>
{
    await EngineBenchmark.RunAsync("in-memory store", catalog, Memory, conversations, warmup, workers: 1),
};
var dataDir = Directory.CreateTempSubdirectory("supportbot-bench-");
try
{
    foreach (var (workers, deliver) in memoryOnly ? [] : new[] { (1, false), (16, false), (1, true), (16, true) })
    {
        var path = Path.Combine(dataDir.FullName, $"bench-{workers}-{deliver}.db");
        var store = await SqliteBotStore.OpenAsync(new SqliteStoreOptions { Path = path }, TimeProvider.System);
        await using (store)
        {
            var what = deliver ? "turn + outbox delivery" : "turn commit";
            results.Add(await EngineBenchmark.RunAsync(
                $"SQLite, {what}, {workers} concurrent conversation(s)", catalog, () => (store, store, store, store),
                conversations / 2, warmup / 2, workers, deliver));
        }
    }
}
finally
{
    dataDir.Delete(recursive: true);
}

var scanner = memoryOnly ? [] : ScannerBenchmark.Run();
foreach (var r in results)
{
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        r.Name, r.Workers, r.Turns, turnsPerSecond = Math.Round(r.TurnsPerSecond), meanUs = Math.Round(r.MeanMicroseconds, 1), p50Us = Math.Round(r.P50Microseconds, 1),
        p99Us = Math.Round(r.P99Microseconds, 1), r.PausedStateBytes,
    }));
}

foreach (var (name, mbps, msPerMb) in scanner)
{
    Console.WriteLine(JsonSerializer.Serialize(new { scanner = name, megabytesPerSecond = Math.Round(mbps, 1), msPerMegabyte = Math.Round(msPerMb, 2) }));
}

if (markdownFile is not null)
{
    var peer = peerFile is null ? null : PeerResult.Read(peerFile);
    await File.WriteAllTextAsync(markdownFile, BenchmarkReport.Render(results, scanner, peer, conversations));
    Console.WriteLine("wrote " + markdownFile);
}

return 0;

static (IConversationStore, ITicketStore, IOutboxStore, IAgentDirectory) Memory()
{
    var store = new InMemoryBotStore();
    return (store, store, store, store);
}

int IntArg(string name, int fallback) =>
    Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (SupportBot.sln not found).");
}
