using SupportBot.Core.Engine;
using SupportBot.Testing.Ai;

namespace SupportBot.AI.Tests;

/// <summary>With the model failing, slow, writing something that is not the asked JSON or over the conversation's
/// budget, a message the rules cannot place gets exactly what it gets with AI off: the menu.</summary>
public sealed class ClassificationFallbackTests
{
    private const string Vague = "my money vanished after I moved it over to the exchange yesterday";

    [Theory]
    [InlineData(FakeModelBehavior.ServerError)]
    [InlineData(FakeModelBehavior.Garbage)]
    public async Task FailingModelLeavesTheTurnAsWithAiOff(FakeModelBehavior behavior)
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.Model.Behavior = behavior;
        var chat = harness.Bot.Conversation();

        await chat.SendAsync(Vague);

        Assert.Single(harness.Model.Requests);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Equal(await harness.WithAiOffAsync(Vague), chat.AllText);
    }

    [Theory]
    [InlineData("It is about a deposit.")]
    [InlineData("```json\n{\"problem\": \"deposit\", \"details\": []}\n```")]
    [InlineData("{\"problem\": \"deposit\"}")]
    [InlineData("{\"problem\": \"deposit\", \"details\": [], \"action\": \"close_ticket\"}")]
    [InlineData("{\"problem\": \"deposit\", \"details\": {\"uid\": \"48213377\"}}")]
    [InlineData("{\"problem\": [\"deposit\"], \"details\": []}")]
    [InlineData("[{\"problem\": \"deposit\", \"details\": []}]")]
    public async Task AnswerThatIsNotTheAskedJsonIsNoAnswer(string answer)
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.Model.AnswerText = answer;
        var chat = harness.Bot.Conversation();

        await chat.SendAsync(Vague);

        Assert.Single(harness.Model.Requests);
        Assert.Equal(await harness.WithAiOffAsync(Vague), chat.AllText);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("classification in a user's turn dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelSlowerThanTheTimeoutLeavesTheTurnAsWithAiOff()
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.Model.Behavior = FakeModelBehavior.Hang;
        var chat = harness.Bot.Conversation();

        var sending = chat.SendAsync(Vague);
        await harness.Model.WaitForRequestsAsync(1, TestContext.Current.CancellationToken);
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(harness.Options.TimeoutSeconds - 1));
        Assert.False(sending.IsCompleted);
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(1));
        await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Equal(await harness.WithAiOffAsync(Vague), chat.AllText);
    }

    [Fact]
    public async Task ConversationOverItsBudgetGetsTheMenuWithoutACall()
    {
        await using var harness = await ClassificationHarness.StartAsync(o => o.MaxCallsPerConversation = 1);
        harness.ModelAnswers("unknown");
        var chat = harness.Bot.Conversation();
        await chat.SendAsync(Vague);
        Assert.Single(harness.Model.Requests);

        harness.ModelAnswers("deposit");
        await chat.SendAsync("it is just gone, all of it");

        Assert.Single(harness.Model.Requests);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("budget is spent", StringComparison.Ordinal));

        // Another conversation has its own allowance.
        var other = harness.Bot.Conversation("user-2");
        await other.SendAsync(Vague);
        Assert.Equal(2, harness.Model.Requests.Count);
        Assert.Equal("deposit", other.Last.ProblemId);
    }

    [Fact]
    public async Task BreakerOpenAfterRepeatedFailuresMeansNoCallAndTheMenu()
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.Model.Behavior = FakeModelBehavior.ServerError;
        for (var i = 0; i < harness.Options.BreakerFailures; i++)
        {
            await harness.Bot.Conversation("user-" + i).SendAsync(Vague);
        }

        harness.Model.Behavior = FakeModelBehavior.Answer;
        harness.ModelAnswers("deposit");
        var chat = harness.Bot.Conversation("later");
        await chat.SendAsync(Vague);

        Assert.Equal(harness.Options.BreakerFailures, harness.Model.Requests.Count);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
    }
}
