using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Web;

namespace SupportBot.Testing.Web;

/// <summary>The real web host (the same <see cref="SupportBotWebHost.Build"/> the program runs) on a free loopback
/// port, with its own data folder and settings, for tests that speak HTTP to it.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, Uri address, string dataFolder)
    {
        _app = app;
        Address = address;
        DataFolder = dataFolder;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The host's private data folder (deleted on dispose).</summary>
    public string DataFolder { get; }

    /// <summary>The host's services (its store, its <see cref="TimeProvider"/> …).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the host. <paramref name="settings"/> are configuration keys such as
    /// <c>Storage:Provider</c>; <paramref name="configure"/> may replace services (a fake <see cref="TimeProvider"/>).
    /// The dialogs are the repository's; the store is SQLite in a fresh folder unless settings say otherwise.</summary>
    public static async Task<RunningHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "supportbot-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--contentRoot=" + RepoPaths.Root,
            "--Dialogs:Path=" + RepoPaths.Dialogs,
            "--Storage:Sqlite:Path=" + Path.Combine(dataFolder, "supportbot.db"),
            "--Storage:Attachments:Path=" + Path.Combine(dataFolder, "attachments"),
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(Images.ScreenshotTestSettings.Relaxed.Select(s => "--" + s.Key + "=" + s.Value));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add("--" + key + "=" + value);
        }

        var app = SupportBotWebHost.Build([.. args], configure);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return new RunningHost(app, address, dataFolder);
    }

    /// <summary>An HTTP client aimed at the host.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>A service of the host.</summary>
    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
