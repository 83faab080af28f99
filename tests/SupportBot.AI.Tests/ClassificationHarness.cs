using SupportBot.Core.Safety;
using SupportBot.Testing;
using SupportBot.Testing.Ai;

namespace SupportBot.AI.Tests;

/// <summary>The whole bot in memory (<see cref="TestBot"/>) with the real problem classifier talking real HTTP to a
/// <see cref="FakeOpenAiServer"/>, on the bot's manual clock; and, for comparison, the same bot with AI off.</summary>
internal sealed class ClassificationHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private ClassificationHarness(FakeOpenAiServer model, AiOptions options)
    {
        Model = model;
        Options = options;
        var time = new ManualTimeProvider();
        var scanner = new SecretScanner();
        Budget = new AiCallBudget(options.MaxCallsPerConversation);
        Classifier = new ModelProblemClassifier(
            new AiChatClient(options, _http, time, Logs.For<AiChatClient>()),
            Budget,
            new ProblemClassificationPrompt(TestBot.Shipped),
            scanner,
            Logs.For<ModelProblemClassifier>());
        Bot = new TestBot(time, classifier: Classifier);
    }

    /// <summary>The bot with AI on.</summary>
    public TestBot Bot { get; }

    /// <summary>The same bot with AI off.</summary>
    public TestBot BotWithAiOff { get; } = new();

    public FakeOpenAiServer Model { get; }

    public AiOptions Options { get; }

    public AiCallBudget Budget { get; }

    public ModelProblemClassifier Classifier { get; }

    public CapturedLogs Logs { get; } = new();

    public static async Task<ClassificationHarness> StartAsync(Action<AiOptions>? configure = null)
    {
        var model = await FakeOpenAiServer.StartAsync();
        var options = new AiOptions { Enabled = true, Endpoint = model.Endpoint, Model = "fake-model", ApiKey = "sk-test-0123456789abcdef" };
        configure?.Invoke(options);
        return new ClassificationHarness(model, options);
    }

    /// <summary>Has the model answer <paramref name="problem"/> with <paramref name="details"/> (kind, value) as
    /// the structured output asked for.</summary>
    public void ModelAnswers(string problem, params (string Kind, string Value)[] details) =>
        Model.AnswerText = new System.Text.Json.Nodes.JsonObject
        {
            ["problem"] = problem,
            ["details"] = new System.Text.Json.Nodes.JsonArray(
                [.. details.Select(d => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["kind"] = d.Kind, ["value"] = d.Value })]),
        }.ToJsonString();

    /// <summary>The replies the bot with AI off gives to <paramref name="text"/> as a new conversation's first message.</summary>
    public async Task<string> WithAiOffAsync(string text, string? locale = null)
    {
        var chat = BotWithAiOff.Conversation("ai-off-" + Guid.NewGuid().ToString("N"), locale: locale);
        await chat.SendAsync(text);
        return chat.AllText;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Model.DisposeAsync();
    }
}
