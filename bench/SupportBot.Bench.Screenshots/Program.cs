using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Core.Safety;
using SupportBot.Screenshots;
using SupportBot.Testing.Images;

// Reads the test suite's phone screenshots (1080×2400, secret and clean, English and Chinese, PNG and JPEG) with the
// real inspector, a few rounds each, and reports median and p95 per image and images/s, for the shipped plan (English,
// Chinese only where the English reading shows it) and alternatives.
// Usage: dotnet run -c Release --project bench/SupportBot.Bench.Screenshots -- [--rounds 5] [--markdown docs/benchmarks.md]
//        [--save DIR]  (writes the images instead, to try them with chat /attach)
var rounds = 5;
string? markdown = null;
string? save = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--markdown": markdown = args[++i]; break;
        case "--save": save = args[++i]; break;
        default: Console.Error.WriteLine("unknown option " + args[i]); return 2;
    }
}

var images = Screens.Secret().Select(s => (s.Name, s.Image)).Concat(Screens.Clean().Select(c => (c.Name, c.Image))).ToList();
if (save is not null)
{
    // The images themselves, to try them by hand (chat /attach).
    Directory.CreateDirectory(save);
    foreach (var (name, image) in images)
    {
        File.WriteAllBytes(Path.Combine(save, name), image);
    }

    Console.WriteLine($"{images.Count} images written to {save}");
    return 0;
}

Console.WriteLine($"{images.Count} images, {rounds} rounds, {Environment.ProcessorCount} cores");

var plans = new (string Name, ScreenshotOptions Options)[]
{
    ("shipped: width 720, eng then chi_sim where needed, 1 reader", new ScreenshotOptions()),
    ("one eng+chi_sim run, width 720", new ScreenshotOptions { CombinedRun = true }),
    ("eng then chi_sim, full width 1080", new ScreenshotOptions { ReadWidth = 1080 }),
    ("shipped, 2 readers at once (throughput)", new ScreenshotOptions { MaxConcurrentReads = 2 }),
};

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"| plan | median ms | p95 ms | max ms | images/s | wrong verdicts |");
report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var (name, options) in plans)
{
    using var inspector = new ScreenshotInspector(new SecretScanner(), Options.Create(options));
    inspector.WarmUp();
    var times = new List<double>();
    var wrong = 0;
    var wall = Stopwatch.StartNew();
    for (var round = 0; round < rounds; round++)
    {
        if (options.MaxConcurrentReads > 1)
        {
            // Two uploads at a time, as a burst would bring them.
            var tasks = images.Select(async image =>
            {
                var watch = Stopwatch.StartNew();
                var verdict = await inspector.InspectAsync(image.Image, ScanContext.None);
                return (watch.Elapsed.TotalMilliseconds, Wrong(image.Name, verdict));
            }).ToList();
            foreach (var (ms, isWrong) in await Task.WhenAll(tasks))
            {
                times.Add(ms);
                wrong += isWrong ? 1 : 0;
            }
        }
        else
        {
            foreach (var image in images)
            {
                var watch = Stopwatch.StartNew();
                var verdict = await inspector.InspectAsync(image.Image, ScanContext.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
                wrong += Wrong(image.Name, verdict) ? 1 : 0;
            }
        }
    }

    var elapsed = wall.Elapsed.TotalSeconds;
    times.Sort();
    var line = string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Pct(times, 50):F0} | {Pct(times, 95):F0} | {times[^1]:F0} | {images.Count * rounds / elapsed:F2} | {wrong} |");
    Console.WriteLine(line);
    report.AppendLine(line);
}

if (markdown is not null)
{
    var section = new StringBuilder()
        .AppendLine()
        .AppendLine("## Screenshot check (OCR and QR before an image is kept)")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"`bench/SupportBot.Bench.Screenshots` ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores): the test suite's {images.Count} phone screenshots (1080×2400; seed grids, keys, QR codes, deposit records, Chinese exchange pages; PNG and JPEG, light and dark), {rounds} rounds each, timed around `InspectAsync` (decode, QR, OCR, scan). Latency is per image with the inspector otherwise idle; images/s is the whole set's wall time.")
        .AppendLine()
        .Append(report);
    File.AppendAllText(markdown, section.ToString());
}

return 0;

static double Pct(List<double> sorted, int percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

// Secret screens must come out Secret, clean ones Clean.
static bool Wrong(string name, ImageVerdict verdict)
{
    var secret = Screens.Secret().Any(s => s.Name == name);
    return secret ? verdict.Outcome != ImageOutcome.Secret : verdict.Outcome != ImageOutcome.Clean;
}
