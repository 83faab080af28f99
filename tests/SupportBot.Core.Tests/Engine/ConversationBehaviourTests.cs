using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Engine;

/// <summary>What users expect of the conversation, scripted over the shipped dialogs.</summary>
public class ConversationBehaviourTests
{
    private readonly TestBot _bot = new();

    private string Text(string key, string locale) => _bot.Catalog.Text(key).Get(locale);

    [Theory]
    [InlineData("充值三个小时了还没到账", "deposit", "zh-CN")]
    [InlineData("someone withdrew all my USDT", "compromised", "en")]
    [InlineData("can't login, lost my google authenticator", "login", "en")]
    [InlineData("提币一直在审核中，已经两天了", "withdrawal", "zh-CN")]
    [InlineData("有人冒充客服私信我要助记词", "scam", "zh-CN")]
    public async Task FreeTextNamesTheProblemAndTheLanguage(string text, string problem, string locale)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(text);

        Assert.Equal(problem, chat.Last.ProblemId);
        Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
        Assert.Equal(Text(TextKeys.SelfHelpAsk, locale), chat.Last.Text);
        // The routed first message gets a greeting without "pick a topic below": no menu follows it.
        Assert.Equal(Text(TextKeys.GreetingRouted, locale), chat.Replies[0].Text);
    }

    [Fact]
    public async Task AmbiguousTextAsksWhichProblemWithTheLikeliestOnes()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("你好");
        await chat.SendAsync("充值和提现都有问题");

        Assert.Equal(Steps.Clarify, chat.Last.StepId);
        Assert.InRange(chat.Last.Choices.Count, 2, 3);
        Assert.Contains(chat.Last.Choices, c => c.Value == ChoiceValues.Problem("deposit"));
        Assert.Contains(chat.Last.Choices, c => c.Value == ChoiceValues.Problem("withdrawal"));

        await chat.ChooseAsync(ChoiceValues.Problem("withdrawal"));
        Assert.Equal("withdrawal", chat.Last.ProblemId);
    }

    [Fact]
    public async Task UnrecognizedTextSaysSoAndShowsTheMenu()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("hello");
        await chat.SendAsync("qwertyuiop zxcv");

        Assert.Equal(Text(TextKeys.NotUnderstood, "en"), chat.Replies[0].Text);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
    }

    [Fact]
    public async Task SafetyNoticeComesBeforeTheFirstQuestionOnlyOnce()
    {
        var chat = await StartDepositAsync("en");
        Assert.Equal(Text(TextKeys.SafetyNotice, "en"), chat.Replies[0].Text);
        Assert.Equal("uid", chat.Last.StepId);

        await chat.SendAsync("cancel");
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");
        Assert.DoesNotContain(chat.Replies, r => r.Text == Text(TextKeys.SafetyNotice, "en"));
    }

    [Fact]
    public async Task WrongUidGetsSpecificErrorAndThirdFailureOffersHuman()
    {
        var chat = await StartDepositAsync("en");
        await chat.SendAsync("my uid is 12ab");
        Assert.Equal("uid", chat.Last.StepId);
        Assert.StartsWith(Text(TextKeys.Error(RecognizerErrors.UidFormat), "en"), chat.Last.Text, StringComparison.Ordinal);

        await chat.SendAsync("123");
        Assert.Equal("uid", chat.Last.StepId);
        await chat.SendAsync("abc");
        Assert.Equal(Steps.AttemptsExceeded, chat.Last.StepId);

        await chat.ChooseAsync("human");
        var ticket = await _bot.Store.GetTicketAsync(chat.LastResult!.TicketNumber!.Value, TestContext.Current.CancellationToken);
        Assert.Equal("deposit", ticket!.Category);
        Assert.StartsWith(Text(TextKeys.HumanHandoff, "en"), chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralDetailsInOneMessageFillSeveralQuestions()
    {
        var chat = await StartDepositAsync("en");
        await chat.SendAsync("UID 12345678, txid " + SampleAnswers.TronTxId + ", 100 USDT");

        Assert.Equal("network", chat.Last.StepId);
        await chat.SendAsync("TRC20");
        Assert.Equal("time", chat.Last.StepId);
    }

    [Fact]
    public async Task BackAsksThePreviousQuestionAgain()
    {
        var chat = await StartDepositAsync("zh-CN");
        await chat.SendAsync("12345678");
        Assert.Equal("coin", chat.Last.StepId);

        await chat.SendAsync("返回");
        Assert.Equal("uid", chat.Last.StepId);
        await chat.SendAsync("87654321");
        Assert.Equal("coin", chat.Last.StepId);
    }

    [Fact]
    public async Task SummaryLetsTheUserChangeOneDetailBeforeConfirming()
    {
        var chat = await FillDepositAsync("en");
        Assert.Contains("100", chat.Last.Text, StringComparison.Ordinal);

        await chat.ChooseAsync("edit");
        Assert.Equal(Steps.EditWhich, chat.Last.StepId);
        await chat.ChooseAsync(ChoiceValues.Detail("amount"));
        Assert.Equal("amount", chat.Last.StepId);
        await chat.SendAsync("250.5");

        Assert.Equal(Steps.Confirm, chat.Last.StepId);
        Assert.Contains("250.5", chat.Last.Text, StringComparison.Ordinal);
        await chat.ChooseAsync("confirm");
        var ticket = await _bot.Store.GetTicketAsync(chat.LastResult!.TicketNumber!.Value, TestContext.Current.CancellationToken);
        Assert.Equal("250.5", ticket!.Details.Single(d => d.Id == "amount").Value);
    }

    [Theory]
    [InlineData("cancel", "en")]
    [InlineData("取消", "zh-CN")]
    [InlineData("Cancel !", "en")]
    [InlineData("取消 ！", "zh-CN")]
    public async Task CancelDropsTheFlowAndShowsTheMenu(string word, string locale)
    {
        var chat = await StartDepositAsync(locale);
        await chat.SendAsync("12345678");
        await chat.SendAsync(word);

        Assert.Equal(Text(TextKeys.Cancelled, locale), chat.Replies[0].Text);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Null(chat.Last.ProblemId);
    }

    [Fact]
    public async Task HelpExplainsAndAsksTheSameQuestionAgain()
    {
        var chat = await StartDepositAsync("zh-CN");
        await chat.SendAsync("帮助");

        Assert.Equal(Text(TextKeys.Help, "zh-CN"), chat.Replies[0].Text);
        Assert.Equal("uid", chat.Last.StepId);
    }

    [Fact]
    public async Task RestartGreetsAgain()
    {
        var chat = await StartDepositAsync("en");
        await chat.SendAsync("restart");

        Assert.Contains(chat.Replies, r => r.Text == Text(TextKeys.Greeting, "en"));
        Assert.Equal(Steps.Menu, chat.Last.StepId);
    }

    [Fact]
    public async Task LanguageSwitchesMidFlowAndKeepsTheStep()
    {
        var chat = await StartDepositAsync("zh-CN");
        await chat.SendAsync("English");

        Assert.Equal(Text(TextKeys.LanguageSwitched, "en"), chat.Replies[0].Text);
        Assert.Equal("uid", chat.Last.StepId);
        Assert.False(TextMatching.HasCjk(chat.Last.Text));

        await chat.SendAsync("中文");
        Assert.Equal(Text(TextKeys.LanguageSwitched, "zh-CN"), chat.Replies[0].Text);
    }

    [Fact]
    public async Task IdleUserIsOfferedToContinueOrStartOver()
    {
        var chat = await StartDepositAsync("en");
        await chat.SendAsync("12345678");
        _bot.Time.Advance(TimeSpan.FromMinutes(31));
        await chat.SendAsync("USDT");

        Assert.Equal(Steps.IdleResume, chat.Last.StepId);
        await chat.ChooseAsync("continue");
        Assert.Equal("coin", chat.Last.StepId);
    }

    [Fact]
    public async Task IdleUserCanStartOver()
    {
        var chat = await StartDepositAsync("en");
        _bot.Time.Advance(TimeSpan.FromHours(2));
        await chat.SendAsync("12345678");
        await chat.ChooseAsync("startOver");

        Assert.Equal(Steps.Menu, chat.Last.StepId);
    }

    [Fact]
    public async Task SideQuestionIsAnsweredAndTheFlowResumesWithoutCountingAnAttempt()
    {
        var chat = await StartDepositAsync("en");
        for (var i = 0; i < 3; i++)
        {
            await chat.SendAsync("where do i find my uid?");
            Assert.Equal("uid", chat.Last.StepId);
            Assert.True(chat.Replies.Count >= 2, "expected an answer and the question again");
        }

        await chat.SendAsync("12345678");
        Assert.Equal("coin", chat.Last.StepId);
    }

    [Fact]
    public async Task FutureTimeIsRefused()
    {
        var chat = await StartDepositAsync("en");
        foreach (var answer in new[] { "12345678", "USDT", "TRC20", "100", SampleAnswers.TronTxId })
        {
            await chat.SendAsync(answer);
        }

        Assert.Equal("time", chat.Last.StepId);
        await chat.SendAsync("2099-01-01 10:00");
        Assert.Equal("time", chat.Last.StepId);
        Assert.StartsWith(Text(TextKeys.Error(RecognizerErrors.TimeFuture), "en"), chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HumanAtTheMenuCreatesATicketInTheFallbackCategory()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("你好");
        await chat.SendAsync("转人工");

        var ticket = await _bot.Store.GetTicketAsync(chat.LastResult!.TicketNumber!.Value, TestContext.Current.CancellationToken);
        Assert.Equal("other", ticket!.Category);
        Assert.Equal("zh-CN", ticket.Locale);
    }

    [Fact]
    public async Task VerifyAgentTellsRealFromUnknownCodes()
    {
        _bot.Store.AddAgent(new AgentIdentity("AG-7K2Q", "Lily", Active: true));
        _bot.Store.AddAgent(new AgentIdentity("AG-OLD1", "Sam", Active: false));
        var chat = _bot.Conversation();
        await chat.SendAsync("你好");

        await chat.SendAsync("核实客服");
        Assert.Equal(Steps.VerifyAgent, chat.Last.StepId);
        await chat.SendAsync("ag-7k2q");
        Assert.Contains("Lily", chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(_bot.Catalog.Text(TextKeys.VerifyValid).Format("zh-CN", ("code", "AG-7K2Q"), ("name", "Lily")), chat.Replies[0].Text);

        await chat.SendAsync("核实客服");
        await chat.SendAsync("AG-OLD1");
        Assert.Equal(_bot.Catalog.Text(TextKeys.VerifyInactive).Format("zh-CN", ("code", "AG-OLD1"), ("name", "Sam")), chat.Replies[0].Text);

        await chat.SendAsync("核实客服");
        await chat.SendAsync("SCAM-123");
        Assert.Equal(_bot.Catalog.Text(TextKeys.VerifyUnknown).Format("zh-CN", ("code", "SCAM-123"), ("name", "")), chat.Replies[0].Text);
    }

    [Fact]
    public async Task RedeliveredMessageIsProcessedOnce()
    {
        var chat = _bot.Conversation();
        var activity = chat.Activity("hello");
        await chat.SendActivityAsync(activity);
        Assert.Equal(Core.Routing.RouteStatus.Processed, chat.LastResult!.Status);

        await chat.SendActivityAsync(activity);
        Assert.Equal(Core.Routing.RouteStatus.Duplicate, chat.LastResult!.Status);
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public async Task PausedConversationStateIsSmall()
    {
        var chat = await StartDepositAsync("zh-CN");
        await chat.SendAsync("12345678");

        var stored = await _bot.Store.LoadAsync(chat.Key, TestContext.Current.CancellationToken);
        Assert.InRange(stored!.State.Length, 1, 300);
        var state = ConversationStateSerializer.Deserialize(stored.State);
        Assert.Equal("12345678", state.Values["uid"].Value);
        Assert.Equal(Phase.Gathering, state.Phase);
    }

    [Fact]
    public async Task EveryTurnLandsInTheTranscriptAndTheOutbox()
    {
        var chat = await StartDepositAsync("en");
        var transcript = await _bot.Store.GetTranscriptAsync(chat.Key, 1, TestContext.Current.CancellationToken);
        Assert.Contains(transcript, l => l.Direction == TranscriptDirection.User && l.Text == "my deposit has not arrived");
        Assert.Contains(transcript, l => l.Direction == TranscriptDirection.Bot && l.Text == Text(TextKeys.SafetyNotice, "en"));

        var pending = await _bot.Store.FetchPendingAsync("test", _bot.Time.GetUtcNow(), 100, TestContext.Current.CancellationToken);
        Assert.Equal(transcript.Count(l => l.Direction == TranscriptDirection.Bot), pending.Count);
    }

    private async Task<TestConversation> StartDepositAsync(string locale)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(locale == "zh-CN" ? "我的充值没到账" : "my deposit has not arrived");
        Assert.Equal("deposit", chat.Last.ProblemId);
        await chat.ChooseAsync("needHelp");
        Assert.Equal("uid", chat.Last.StepId);
        return chat;
    }

    private async Task<TestConversation> FillDepositAsync(string locale)
    {
        var chat = await StartDepositAsync(locale);
        var problem = _bot.Catalog.FindProblem("deposit")!;
        while (chat.Last.StepId != Steps.Confirm)
        {
            var detail = problem.Details.Single(d => d.Id == chat.Last.StepId);
            await chat.SendAsync(detail.Kind == SlotKinds.Screenshots ? "skip" : SampleAnswers.For(detail, locale));
        }

        return chat;
    }
}
