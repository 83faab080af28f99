using Microsoft.Playwright;

namespace SupportBot.Testing.Web;

/// <summary>Debian's headless Chromium driven by Playwright (never Playwright's own browser download). tests/run.sh
/// installs the <c>chromium</c> package; the flags keep it off the network this machine does not have.</summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Where Debian puts it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The browser; open a context per test (<see cref="NewPageAsync"/>).</summary>
    public IBrowser Browser { get; }

    /// <summary>Launches the browser; fails with a clear message when Chromium is not installed.</summary>
    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: install Debian's chromium package (tests/run.sh does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A page in a fresh context (its own cookies and storage), phone-sized when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
