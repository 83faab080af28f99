using SupportBot.Core.Activities;
using SupportBot.Core.Engine;
using SupportBot.Core.Understanding;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Engine;

/// <summary>The engine's side of the optional classifier: asked only when the rules cannot tell, never with a message
/// that lost a secret, and trusted with nothing it cannot check (the catalog's ids, details written in the message
/// that our recognizers accept).</summary>
public sealed class ProblemClassifierTests
{
    private const string Vague = "my money vanished after I moved it over to the exchange yesterday";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAiOffTheClassifierAnswersAtOnceWithoutAnOpinion()
    {
        var answer = NoProblemClassifier.Instance.ClassifyAsync(new ConversationKey("test", "c"), Vague, "en", Ct);

        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Null(await answer);
    }

    [Fact]
    public async Task MessageTheRulesPlaceIsNotSentToTheClassifier()
    {
        var classifier = new RecordingClassifier(new ProblemClassification("kyc", []));
        var chat = new TestBot(classifier: classifier).Conversation();

        await chat.SendAsync("my deposit has not arrived");

        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.Empty(classifier.Texts);
    }

    [Fact]
    public async Task VagueMessageIsSentWithTheConversationsLanguageAndGoesOnAsTheRulesWould()
    {
        var classifier = new RecordingClassifier(new ProblemClassification("withdrawal", []));
        var chat = new TestBot(classifier: classifier).Conversation();

        await chat.SendAsync(Vague);

        Assert.Equal([(Vague, "en")], classifier.Texts);
        var byRules = new TestBot().Conversation();
        await byRules.SendAsync("my withdrawal is delayed");
        Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
        Assert.Equal(byRules.AllText, chat.AllText);
    }

    [Fact]
    public async Task MessageThatLostASecretIsNotSent()
    {
        var classifier = new RecordingClassifier(new ProblemClassification("deposit", []));
        var chat = new TestBot(classifier: classifier).Conversation();

        await chat.SendAsync("my money vanished, here: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");

        Assert.Empty(classifier.Texts);
    }

    [Fact]
    public async Task NotAskedWhileTheLikelyProblemsAreOffered()
    {
        var classifier = new RecordingClassifier(null);
        var bot = new TestBot(classifier: classifier);
        var chat = bot.Conversation();
        await chat.SendAsync("你好");
        await chat.SendAsync("充值和提现都有问题");
        Assert.Equal(Steps.Clarify, chat.Last.StepId);

        await chat.SendAsync(Vague);

        Assert.Equal(Steps.Clarify, chat.Last.StepId);
        Assert.Empty(classifier.Texts);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("hello there")]
    [InlineData("你好")]
    [InlineData("在吗")]
    public async Task GreetingIsNotSent(string text)
    {
        var classifier = new RecordingClassifier(new ProblemClassification("deposit", []));
        var chat = new TestBot(classifier: classifier).Conversation();

        await chat.SendAsync(text);

        Assert.Empty(classifier.Texts);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
    }

    [Fact]
    public async Task OnlyDetailsWrittenInTheMessageAndAcceptedByOurRecognizersAreKept()
    {
        const string text = "my coins disappeared, account 48213377, sent 0.5 yesterday";
        var classifier = new RecordingClassifier(new ProblemClassification("deposit",
        [
            new ClassifiedDetail("uid", "48213377"),
            new ClassifiedDetail("amount", "0.5"),
            new ClassifiedDetail("txid", "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"),
            new ClassifiedDetail("coin", "BTC"),
            new ClassifiedDetail("network", "account"),
            new ClassifiedDetail("text", "coins disappeared"),
        ]));
        var bot = new TestBot(classifier: classifier);
        var chat = bot.Conversation();

        await chat.SendAsync(text);

        var state = ConversationStateSerializer.Deserialize((await bot.Store.LoadAsync(chat.Key, Ct))!.State);
        Assert.Equal("deposit", state.ProblemId);
        Assert.Equal("48213377", state.Values["uid"].Value);
        Assert.Equal("0.5", state.Values["amount"].Value);
        Assert.False(state.Values.ContainsKey("txid"));
        Assert.False(state.Values.ContainsKey("coin"));
        Assert.False(state.Values.ContainsKey("network"));
    }

    [Fact]
    public async Task PartOfALongerNumberIsNotWrittenInTheMessage()
    {
        var classifier = new RecordingClassifier(new ProblemClassification("deposit", [new ClassifiedDetail("uid", "821337")]));
        var bot = new TestBot(classifier: classifier);
        var chat = bot.Conversation();

        await chat.SendAsync("my coins disappeared, ref 48213377x");

        var state = ConversationStateSerializer.Deserialize((await bot.Store.LoadAsync(chat.Key, Ct))!.State);
        Assert.Equal("deposit", state.ProblemId);
        Assert.False(state.Values.ContainsKey("uid"));
    }

    private sealed class RecordingClassifier(ProblemClassification? answer) : IProblemClassifier
    {
        public List<(string Text, string Locale)> Texts { get; } = [];

        public ValueTask<ProblemClassification?> ClassifyAsync(
            ConversationKey conversation, string text, string locale, CancellationToken cancellationToken)
        {
            lock (Texts)
            {
                Texts.Add((text, locale));
            }

            return ValueTask.FromResult(answer);
        }
    }
}
