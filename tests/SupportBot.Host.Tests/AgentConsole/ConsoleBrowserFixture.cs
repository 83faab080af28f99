using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>One Debian Chromium for the console's browser tests; each test opens its own contexts.</summary>
public sealed class ConsoleBrowserFixture : IAsyncLifetime
{
    private Chromium? _chromium;

    public Chromium Chromium => _chromium ?? throw new InvalidOperationException("The browser is not started.");

    public async ValueTask InitializeAsync()
    {
        _chromium = await Chromium.LaunchAsync();
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }
}
