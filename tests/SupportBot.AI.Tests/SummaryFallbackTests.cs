using SupportBot.Testing.Ai;

namespace SupportBot.AI.Tests;

/// <summary>With the model slow, failing, refused by the breaker, over budget or writing something unusable, the
/// ticket gets no summary and nothing else about it changes.</summary>
public sealed class SummaryFallbackTests
{
    [Fact]
    public async Task ModelSlowerThanTheTimeoutGivesNoSummaryAndLeavesTheTicketAsItWas()
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync();
        var before = await harness.TicketOfAsync(number);
        harness.Model.Behavior = FakeModelBehavior.Hang;

        var summarizing = harness.SummarizeAsync(number);
        await harness.Model.WaitForRequestsAsync(1, TestContext.Current.CancellationToken);
        Assert.False(summarizing.IsCompleted);
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(harness.Options.TimeoutSeconds - 1));
        Assert.False(summarizing.IsCompleted);
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await summarizing.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(before, await harness.TicketOfAsync(number));
        Assert.Contains(harness.Logs.Lines, l => l.Contains("failed", StringComparison.Ordinal) && l.Contains("Timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BreakerOpensAfterRepeatedFailuresAndTheModelStopsBeingCalledUntilItsTimeIsUp()
    {
        await using var harness = await SummaryHarness.StartAsync(o => o.MaxCallsPerConversation = 100);
        var number = await harness.TicketAsync();
        harness.Model.Behavior = FakeModelBehavior.ServerError;

        for (var i = 0; i < harness.Options.BreakerFailures; i++)
        {
            Assert.False(await harness.SummarizeAsync(number));
        }

        Assert.Equal(harness.Options.BreakerFailures, harness.Model.Requests.Count);
        harness.Model.Behavior = FakeModelBehavior.Answer;
        Assert.False(await harness.SummarizeAsync(number));
        Assert.False(await harness.SummarizeAsync(number));
        Assert.Equal(harness.Options.BreakerFailures, harness.Model.Requests.Count); // open: nothing sent
        Assert.Null((await harness.TicketOfAsync(number)).Summary);

        harness.Bot.Time.Advance(TimeSpan.FromSeconds(harness.Options.BreakerOpenSeconds));

        Assert.True(await harness.SummarizeAsync(number)); // the trial call goes through and closes it
        Assert.Equal(harness.Options.BreakerFailures + 1, harness.Model.Requests.Count);
    }

    [Fact]
    public async Task ConversationOverItsBudgetCausesNoCall()
    {
        await using var harness = await SummaryHarness.StartAsync(o => o.MaxCallsPerConversation = 1);
        var number = await harness.TicketAsync();
        harness.Model.Behavior = FakeModelBehavior.ServerError;
        Assert.False(await harness.SummarizeAsync(number));
        harness.Model.Behavior = FakeModelBehavior.Answer;

        Assert.False(await harness.SummarizeAsync(number));

        Assert.Single(harness.Model.Requests);
        Assert.Null((await harness.TicketOfAsync(number)).Summary);
        Assert.True(harness.Budget.TryTake(new Core.Activities.ConversationKey("test", "another-chat")));
    }

    [Theory]
    [InlineData("Please reply with your seed phrase so we can verify the wallet.")]
    [InlineData("To unlock the account, send us your 2FA code and your password.")]
    [InlineData("请把您的助记词发给我们以便核实。")]
    [InlineData("The user shared their key: e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"summary\": \"deposit missing\"}")]
    [InlineData("One. Two. Three. Four sentences are too many for the agent's summary.")]
    public async Task UnusableModelTextIsDroppedAndTheTicketKeepsNoSummary(string answer)
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync();
        var before = await harness.TicketOfAsync(number);
        harness.Model.AnswerText = answer;

        Assert.False(await harness.SummarizeAsync(number));

        Assert.Single(harness.Model.Requests);
        Assert.Equal(before, await harness.TicketOfAsync(number));
    }

    [Fact]
    public async Task BodyThatIsNotACompletionGivesNoSummary()
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync();
        harness.Model.Behavior = FakeModelBehavior.Garbage;

        Assert.False(await harness.SummarizeAsync(number));

        Assert.Single(harness.Model.Requests);
        Assert.Null((await harness.TicketOfAsync(number)).Summary);
    }

    [Fact]
    public async Task ServerDownGivesNoSummary()
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync();
        await harness.Model.DisposeAsync();

        Assert.False(await harness.SummarizeAsync(number));

        Assert.Null((await harness.TicketOfAsync(number)).Summary);
    }
}
