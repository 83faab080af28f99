using SupportBot.Core.Safety;
using SupportBot.Testing;
using SupportBot.Testing.Ai;

namespace SupportBot.AI.Tests;

/// <summary>The whole bot in memory (<see cref="TestBot"/>) with the real summarizer talking real HTTP to a
/// <see cref="FakeOpenAiServer"/>, on the bot's manual clock.</summary>
internal sealed class SummaryHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-test-0123456789abcdef";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private SummaryHarness(FakeOpenAiServer model, AiOptions options)
    {
        Model = model;
        Options = options;
        var scanner = new SecretScanner();
        Budget = new AiCallBudget(options.MaxCallsPerConversation);
        Summarizer = new TicketSummarizer(
            Bot.Store,
            Bot.Store,
            Bot.Store,
            new AiChatClient(options, _http, Bot.Time, Logs.For<AiChatClient>()),
            Budget,
            new TicketSummaryPrompt(scanner),
            new ModelOutputCheck(new OutboundGuard(scanner), scanner),
            Bot.Events,
            options,
            Bot.Time,
            Logs.For<TicketSummarizer>());
    }

    public TestBot Bot { get; } = new();

    public FakeOpenAiServer Model { get; }

    public AiOptions Options { get; }

    public AiCallBudget Budget { get; }

    public TicketSummarizer Summarizer { get; }

    public CapturedLogs Logs { get; } = new();

    public static async Task<SummaryHarness> StartAsync(Action<AiOptions>? configure = null)
    {
        var model = await FakeOpenAiServer.StartAsync();
        var options = new AiOptions { Enabled = true, Endpoint = model.Endpoint, Model = "fake-model", ApiKey = ApiKey };
        configure?.Invoke(options);
        return new SummaryHarness(model, options);
    }

    /// <summary>A new chat that ends in a deposit ticket; returns the ticket's number.</summary>
    public Task<long> TicketAsync(string user = "user-1", params string[] asides) =>
        ChatToTicket.DepositAsync(Bot.Conversation(user), asides);

    public Task<bool> SummarizeAsync(long number) =>
        Summarizer.SummarizeAsync(number, TestContext.Current.CancellationToken);

    public async Task<Core.Tickets.Ticket> TicketOfAsync(long number) =>
        await Bot.Store.GetTicketAsync(number, TestContext.Current.CancellationToken)
            ?? throw new Xunit.Sdk.XunitException("No ticket " + number);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Model.DisposeAsync();
    }
}
