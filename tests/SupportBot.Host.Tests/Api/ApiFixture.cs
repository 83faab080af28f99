namespace SupportBot.Host.Tests.Api;

/// <summary>One running host for a test class whose tests each make their own ticket (or change nothing): starting
/// a host per test would cost seconds each. Agents alice and bob exist.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Api = await ApiHost.StartAsync();
        await Api.CreateAgentAsync("alice");
        await Api.CreateAgentAsync("bob");
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
