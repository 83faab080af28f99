using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Core.Handoff;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Testing;
using SupportBot.Testing.Ai;

namespace SupportBot.AI.Tests;

/// <summary>The background service as registered by <see cref="AiServiceCollectionExtensions.AddSupportBotAI"/>:
/// with AI off it never listens and nothing is sent; with AI on, new tickets are summarised off the user's path.</summary>
public sealed class TicketSummaryServiceTests
{
    [Fact]
    public async Task AiOffMakesNoHttpCallAtAll()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        var bot = new TestBot();
        await using var services = Services(bot, enabled: false, model.Endpoint);
        var service = Assert.IsType<TicketSummaryService>(services.GetRequiredService<IHostedService>());

        await service.StartAsync(TestContext.Current.CancellationToken);
        var number = await ChatToTicket.DepositAsync(bot.Conversation());

        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // returns at once
        Assert.Equal(0, bot.Events.ListenerCount);
        Assert.Empty(model.Requests);
        Assert.Null((await bot.Store.GetTicketAsync(number, TestContext.Current.CancellationToken))!.Summary);
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AiOnSummarisesNewTicketsInTheBackgroundAndAHangingModelDoesNotHoldUpTheUser()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        var bot = new TestBot();
        await using var services = Services(bot, enabled: true, model.Endpoint);
        var service = services.GetRequiredService<IHostedService>();
        await service.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, bot.Events.ListenerCount);

        // The model hangs: the user's turns still complete and the ticket is created.
        model.Behavior = FakeModelBehavior.Hang;
        var first = await ChatToTicket.DepositAsync(bot.Conversation("user-1"));
        await model.WaitForRequestsAsync(1, TestContext.Current.CancellationToken);
        model.Behavior = FakeModelBehavior.Answer;
        bot.Time.Advance(TimeSpan.FromSeconds(8)); // the hanging call times out

        var second = await ChatToTicket.DepositAsync(bot.Conversation("user-2"));
        await model.WaitForRequestsAsync(2, TestContext.Current.CancellationToken);
        var summary = await Eventually.ValueAsync(
            async () => (await bot.Store.GetTicketAsync(second, TestContext.Current.CancellationToken))!.Summary);

        Assert.Equal(model.AnswerText, summary);
        Assert.Null((await bot.Store.GetTicketAsync(first, TestContext.Current.CancellationToken))!.Summary);
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    private static ServiceProvider Services(TestBot bot, bool enabled, string endpoint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AI:Enabled"] = enabled ? "true" : "false",
            ["AI:Endpoint"] = endpoint,
            ["AI:Model"] = "fake-model",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(bot.Time)
            .AddSingleton(bot.Events)
            .AddSingleton<ITicketStore>(bot.Store)
            .AddSingleton<IConversationStore>(bot.Store)
            .AddSingleton<ITicketSummaryStore>(bot.Store)
            .AddSingleton<ISecretScanner, SecretScanner>()
            .AddSingleton<IOutboundGuard, OutboundGuard>();
        services.AddSupportBotAI();
        return services.BuildServiceProvider();
    }
}
