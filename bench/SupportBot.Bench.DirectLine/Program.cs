using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Bench.DirectLine;
using SupportBot.Host.Web;

// Usage: dotnet run -c Release --project bench/SupportBot.Bench.DirectLine -- [--connections 64] [--seconds 10]
//        [--warmup 3] [--markdown docs/benchmarks.md]
// Starts the real host (SQLite in a temporary folder, the repository's dialogs) and a bare ASP.NET Core JSON echo on
// loopback in this process, and drives both with the same number of concurrent clients, one after the other.
var connections = IntArg("--connections", 64);
var seconds = IntArg("--seconds", 10);
var warmup = TimeSpan.FromSeconds(IntArg("--warmup", 3));
var markdownFile = Arg("--markdown");
const string Secret = "bench-secret-0123456789abcdef";

var root = FindRoot();
var data = Directory.CreateTempSubdirectory("supportbot-dl-bench-");
try
{
    await using var host = SupportBotWebHost.Build(
    [
        "--urls=http://127.0.0.1:0",
        "--contentRoot=" + root,
        "--Dialogs:Path=" + Path.Combine(root, "dialogs"),
        "--Storage:Sqlite:Path=" + Path.Combine(data.FullName, "supportbot.db"),
        "--Logging:LogLevel:Default=Warning",
        "--DirectLine:Secret=" + Secret,
        "--DirectLine:RatePerMinute=100000000",
        "--DirectLine:IpRatePerMinute=100000000",
    ]);
    await host.StartAsync();
    var hostAddress = Address(host);

    await using var echo = EchoApp();
    await echo.StartAsync();
    var echoAddress = Address(echo);

    using var hostClient = Client(hostAddress, connections);
    var directLine = await LoadDriver.RunAsync(
        "Direct Line: POST activity + bot reply on the WebSocket (real host, SQLite)", connections, warmup,
        TimeSpan.FromSeconds(seconds), async _ =>
        {
            var conversation = await DirectLineConversation.StartAsync(hostClient, Secret);
            return conversation.RoundTripAsync;
        });

    using var echoClient = Client(echoAddress, connections);
    var bare = await LoadDriver.RunAsync(
        "bare ASP.NET Core JSON echo: POST, read the response", connections, warmup, TimeSpan.FromSeconds(seconds),
        _ => Task.FromResult<Func<Task<bool>>>(async () =>
        {
            using var content = new StringContent("{\"type\":\"message\",\"text\":\"menu\"}", Encoding.UTF8, "application/json");
            using var response = await echoClient.PostAsync("/echo", content);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        }));

    foreach (var r in new[] { directLine, bare })
    {
        Console.WriteLine(FormattableString.Invariant(
            $"{r.Name}: {r.PerSecond:F0} msg/s, p50 {r.Percentile(0.50):F2} ms, p99 {r.Percentile(0.99):F2} ms, failures {r.Failures}, CPU {r.CpuSeconds:F1} s = {r.CpuMicrosecondsPerMessage:F0} µs/msg, {r.KilobytesPerMessage:F1} KB/msg, {r.Collections} GCs"));
    }

    if (markdownFile is not null)
    {
        await WriteMarkdownAsync(markdownFile, directLine, bare, connections, seconds);
        Console.WriteLine("wrote " + markdownFile);
    }

    await echo.StopAsync();
    await host.StopAsync();
}
finally
{
    data.Delete(recursive: true);
}

return 0;

static WebApplication EchoApp()
{
    var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
    builder.Logging.ClearProviders();
    var app = builder.Build();
    app.MapPost("/echo", (EchoMessage message) => TypedResults.Ok(message));
    return app;
}

static Uri Address(WebApplication app) =>
    new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

static HttpClient Client(Uri address, int connections) => new(new SocketsHttpHandler
{
    MaxConnectionsPerServer = connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    BaseAddress = address,
};

static async Task WriteMarkdownAsync(string file, LoadResult directLine, LoadResult bare, int connections, int seconds)
{
    const string Title = "## Direct Line end to end";
    var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : "# Benchmarks\n";
    var start = text.IndexOf(Title, StringComparison.Ordinal);
    if (start >= 0)
    {
        var next = text.IndexOf("\n## ", start + Title.Length, StringComparison.Ordinal);
        text = text[..start] + (next < 0 ? "" : text[(next + 1)..]);
    }

    var ratio = directLine.PerSecond / bare.PerSecond;
    var section = new StringBuilder()
        .AppendLine(Title)
        .AppendLine()
        .AppendLine(FormattableString.Invariant(
            $"`bench/SupportBot.Bench.DirectLine`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}: {connections} concurrent clients, {seconds} s measured after a warm-up, driver and servers in one process over loopback."))
        .AppendLine("Each Direct Line round trip is `POST /v3/directline/conversations/{id}/activities` (the text `menu`) and then reading the conversation's WebSocket until the bot's message answering it arrives: token check, typing pushed, the router's turn committed (SQLite: duplicate check, state, transcript, outbox), the turn's outbox ids read, echo and reply written to the web chat log in one write (SQLite) and pushed as one set, the outbox rows marked delivered (the delivery loop runs too and finds them in the log). The echo row is the same driver POSTing a small JSON body to a bare minimal-API endpoint that returns it. CPU and allocations are the whole process's (driver, host and echo server) in the measured window, divided by the round trips.")
        .AppendLine()
        .AppendLine("| run | messages/s | p50 ms | p99 ms | failures | vs echo | CPU µs/msg | KB allocated/msg |")
        .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var r in new[] { directLine, bare })
    {
        section.AppendLine(FormattableString.Invariant(
            $"| {r.Name} | {r.PerSecond:N0} | {r.Percentile(0.5):F2} | {r.Percentile(0.99):F2} | {r.Failures} | {r.PerSecond / bare.PerSecond:P1} | {r.CpuMicrosecondsPerMessage:N0} | {r.KilobytesPerMessage:F1} |"));
    }

    section.AppendLine()
        .AppendLine(FormattableString.Invariant(
            $"Target (DESIGN.md): ≥ 10,000 messages/s at 64 connections, p99 < 20 ms. This run: {directLine.PerSecond:N0}/s = {ratio:P1} of the echo ceiling measured here."));
    text = text.TrimEnd('\n') + "\n\n" + section;
    await File.WriteAllTextAsync(file, text);
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

/// <summary>The echo endpoint's body.</summary>
internal sealed record EchoMessage(string Type, string Text);
