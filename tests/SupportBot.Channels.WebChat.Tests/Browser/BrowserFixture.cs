using Microsoft.Playwright;
using SupportBot.Core.Catalog;
using SupportBot.Testing.Web;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>One Chromium and one real host per test class; each test opens its own browser context.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private Chromium? _chromium;
    private RunningHost? _host;

    static BrowserFixture()
    {
        // Polling mode answers within a second or two; a loaded 2-core machine needs more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    /// <summary>The browser.</summary>
    public Chromium Chromium => _chromium ?? throw new InvalidOperationException("Not started.");

    /// <summary>The host.</summary>
    public RunningHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>The dialogs the host runs.</summary>
    public DialogCatalog Catalog => Host.Get<DialogCatalog>();

    /// <summary>Extra host settings of a derived fixture.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["DirectLine:RatePerMinute"] = "1000",
        ["DirectLine:IpRatePerMinute"] = "100000",
    };

    /// <summary>Runs before the host starts (a derived fixture starts another site here).</summary>
    protected virtual Task BeforeHostAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        await BeforeHostAsync();
        _host = await RunningHost.StartAsync(Settings());
        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>A page in a new context; browser console errors go to the test output.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string locale = "en-US")
    {
        var page = await Chromium.NewPageAsync(phone, locale);
        var output = TestContext.Current.TestOutputHelper; // events arrive on Playwright's thread, outside the test
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output?.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => output?.WriteLine("[page error] " + error);
        return page;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await DisposeMoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops what <see cref="BeforeHostAsync"/> started.</summary>
    protected virtual ValueTask DisposeMoreAsync() => ValueTask.CompletedTask;
}
