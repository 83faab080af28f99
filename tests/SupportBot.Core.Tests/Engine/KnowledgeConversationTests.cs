using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Engine;

/// <summary>Questions answered from the knowledge articles inside the conversation, over the shipped dialogs and
/// the real Lucene index.</summary>
public class KnowledgeConversationTests
{
    private const string Book = "📖 ";
    private readonly TestBot _bot = new();

    private string Text(string key, string locale) => _bot.Catalog.Text(key).Get(locale);

    private string Title(string id, string locale) => _bot.Catalog.Knowledge.Single(a => a.Id == id && a.Locale == locale).Title;

    private async Task<ConversationState> StateAsync(TestConversation chat) =>
        ConversationStateSerializer.Deserialize((await _bot.Store.LoadAsync(chat.Key, TestContext.Current.CancellationToken))!.State);

    [Theory]
    [InlineData("how long does a USDT TRC20 withdrawal take?", "en")]
    [InlineData("USDT TRC20 提现要多久", "zh-CN")]
    public async Task AFirstMessageQuestionGetsTheArticleThenDidThisAnswerIt(string question, string locale)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(question);

        var answer = Assert.Single(chat.Replies, r => r.StepId == Steps.Knowledge && r.Choices.Count == 0);
        Assert.StartsWith(Book + Title("withdrawal-review", locale) + "\n", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Text(TextKeys.KnowledgeAsk, locale), chat.Last.Text);
        Assert.Equal(["solved", "needHelp", "human"], chat.Last.Choices.Select(c => c.Value));
        // The greeting without "pick a topic below": no menu follows.
        Assert.Equal(Text(TextKeys.GreetingRouted, locale), chat.Replies[0].Text);

        await chat.ChooseAsync("solved");
        Assert.Equal(Text(TextKeys.KnowledgeHelped, locale), chat.Last.Text);
    }

    [Fact]
    public async Task NoGoesStraightToTheQuestionsOfTheProblemKeepingWhatTheQuestionSaid()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("how long does a USDT TRC20 withdrawal take?");
        await chat.ChooseAsync("needHelp");

        Assert.Equal("withdrawal", chat.Last.ProblemId);
        Assert.Equal("uid", chat.Last.StepId);
        // The article stood in for the self-help: it is not shown again.
        Assert.DoesNotContain(chat.Replies, r => r.StepId == Steps.SelfHelp);
        var state = await StateAsync(chat);
        Assert.Equal("USDT", state.Values["coin"].Value);
        Assert.Equal("TRC20", state.Values["network"].Value);
    }

    [Fact]
    public async Task NoToAQuestionThatNamesNoProblemAsksWhatHappened()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("someone on telegram says he is your support, how do i know if he's real?");
        Assert.Contains(chat.Replies, r => r.StepId == Steps.Knowledge && r.Text.StartsWith(Book, StringComparison.Ordinal));

        await chat.SendAsync("no");

        Assert.Contains(chat.Replies, r => r.StepId == Steps.Clarify || r.StepId == Steps.Menu || r.ProblemId is not null);
        Assert.DoesNotContain(chat.Replies, r => r.StepId == Steps.Knowledge);
    }

    [Theory]
    [InlineData("my UID is 48213377, 500 USDT on TRC20 two hours ago, still not credited, why?")]
    [InlineData("我的UID是48213377，两个小时前充了500 USDT，为什么还没到账？")]
    public async Task AReportWithDetailsIsNotAnsweredWithAnArticle(string report)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(report);

        Assert.DoesNotContain(chat.Replies, r => r.Text.StartsWith(Book, StringComparison.Ordinal));
        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.NotEqual("uid", chat.Last.StepId);
    }

    [Theory]
    [InlineData("what's the weather like today?", "en")]
    [InlineData("今天天气怎么样？", "zh-CN")]
    public async Task AQuestionNoArticleAnswersGetsNoArticle(string question, string locale)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(question);

        Assert.DoesNotContain(chat.Replies, r => r.StepId == Steps.Knowledge);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Equal(Text(TextKeys.MenuPrompt, locale), chat.Last.Text);
    }

    [Theory]
    [InlineData("Deposit not credited", "what is a txid?", "txid", "en")]
    [InlineData("充值没到账", "交易哈希是什么？在哪里找", "txid", "zh-CN")]
    public async Task AQuestionMidFlowIsAnsweredAndTheSameQuestionAskedAgain(string start, string question, string article, string locale)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(start);
        await chat.ChooseAsync("needHelp");
        await chat.SendAsync("48213377");
        var asked = chat.Last.StepId;

        await chat.SendAsync(question);

        Assert.StartsWith(Book + Title(article, locale), chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(asked, chat.Last.StepId);
        Assert.StartsWith(Text(TextKeys.ResumeAfterSideAnswer, locale), chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhereIsItMidFlowIsAboutWhatTheBotAskedFor()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("提现一直没到账");
        await chat.ChooseAsync("needHelp");
        await chat.SendAsync("48213377");
        await chat.SendAsync("USDT TRC20 100 昨天下午三点");
        Assert.Equal("withdrawalId", chat.Last.StepId);

        await chat.SendAsync("不知道在哪里找");

        Assert.StartsWith(Book + Title("order-id", "zh-CN") + "\n提现单号", chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("withdrawalId", chat.Last.StepId);
    }

    [Fact]
    public async Task ANewProblemInsteadOfYesOrNoIsTakenAsANewMessage()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("how long does a USDT TRC20 withdrawal take?");
        await chat.SendAsync("my UID is 48213377 and my deposit of 500 USDT never arrived");

        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.NotEqual(Steps.Knowledge, chat.Last.StepId);
    }

    [Fact]
    public async Task AskingForAHumanAfterAnAnswerReachesOne()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("how long does a USDT TRC20 withdrawal take?");
        await chat.ChooseAsync("human");

        Assert.DoesNotContain(chat.Replies, r => r.StepId == Steps.Knowledge);
        Assert.NotEqual(Steps.Menu, chat.Last.StepId);
    }

    [Fact]
    public async Task WithoutAKnowledgeBaseQuestionsGoToTheFlowAsBefore()
    {
        var bot = new TestBot(catalog: new DialogCatalog(
            _bot.Catalog.Problems, _bot.Catalog.Texts, _bot.Catalog.Commands, knowledge: [], _bot.Catalog.CannedReplies));
        var chat = bot.Conversation();
        await chat.SendAsync("how long does a USDT TRC20 withdrawal take?");

        Assert.DoesNotContain(chat.Replies, r => r.StepId == Steps.Knowledge);
        Assert.Equal("withdrawal", chat.Last.ProblemId);
    }
}
