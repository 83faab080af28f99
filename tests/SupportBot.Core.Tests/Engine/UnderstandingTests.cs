using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Tests.Handoff;
using SupportBot.Core.Tickets;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Engine;

/// <summary>The failures of issue 12 (and two of issue 20), one test each, through the whole bot.</summary>
public class UnderstandingTests
{
    private const string TronTxId = SampleAnswers.TronTxId;
    private readonly TestBot _bot = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Text(string key, string locale) => _bot.Catalog.Text(key).Get(locale);

    private async Task<ConversationState> StateAsync(TestConversation chat) =>
        ConversationStateSerializer.Deserialize((await _bot.Store.LoadAsync(chat.Key, Ct))!.State);

    [Theory]
    [InlineData("my UID is 48213377, 500 USDT on TRC20 two hours ago, still not credited", "en")]
    [InlineData("My UID is 48213377. I deposited 500 USDT on TRC20 about two hours ago and it still isn't credited", "en")]
    [InlineData("我的UID是48213377，两个小时前充了500 USDT，TRC20，到现在还没到账", "zh-CN")]
    public async Task TheFrightenedUserGoesStraightToWhatIsStillMissing(string text, string locale)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(text);

        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.Equal("txid", chat.Last.StepId);
        var state = await StateAsync(chat);
        Assert.Equal("48213377", state.Values["uid"].Value);
        Assert.Equal("USDT", state.Values["coin"].Value);
        Assert.Equal("500", state.Values["amount"].Value);
        Assert.True(state.Values.ContainsKey("network"));
        Assert.Equal(_bot.Time.GetUtcNow().AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), state.Values["time"].Value);
        Assert.DoesNotContain(Text(TextKeys.SelfHelpAsk, locale), chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverythingInTheFirstMessageLeadsToTheSummaryWithoutOneQuestionAgain()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync($"UID 58213376 deposit 200 USDT TRC20 2025-03-03 10:45 txid: {TronTxId} to {SampleAnswers.TronAddress} not credited");
        Assert.Equal("screenshots", chat.Last.StepId);
        await chat.SendAsync("skip");
        Assert.Equal(Steps.Confirm, chat.Last.StepId);
        Assert.Contains("58213376", chat.Last.Text, StringComparison.Ordinal);
        Assert.Contains(TronTxId, chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginProblemWithTheUidIsNotAskedForIt()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("I can't log in, UID 88990011");
        Assert.Equal("login", chat.Last.ProblemId);
        Assert.NotEqual("uid", chat.Last.StepId);
        Assert.Equal("88990011", (await StateAsync(chat)).Values["uid"].Value);
    }

    [Fact]
    public async Task ALoginProblemTakesTheRegisteredEmailInsteadOfTheUid()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("cant loggin acount lockd");
        Assert.Equal("login", chat.Last.ProblemId);
        await chat.ChooseAsync("needHelp");
        Assert.Equal("contact", chat.Last.StepId);
        await chat.SendAsync("I can't see my UID because I can't log in, my email is lily.chen88@example.com");
        Assert.NotEqual("contact", chat.Last.StepId);
        Assert.DoesNotContain("After logging in", chat.AllText, StringComparison.Ordinal);

        await chat.SendAsync("where do i find my uid?");
        Assert.DoesNotContain("After logging in", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("registered email", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADetailGivenBeforeTheProblemIsKeptUntilItIsKnown()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("hi, my uid is 48213377");
        await chat.SendAsync("my deposit has not arrived");
        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.NotEqual("uid", chat.Last.StepId);
        Assert.Equal("48213377", (await StateAsync(chat)).Values["uid"].Value);
    }

    [Theory]
    [InlineData("USDT TRC-20 500, yesterday 9pm", "en")]
    [InlineData("USDT 波场 500，昨天晚上九点", "zh-CN")]
    public async Task TheGroupedDepositQuestionIsAnsweredInOneMessageWithABareAmount(string answer, string locale)
    {
        var chat = _bot.Conversation(locale: locale);
        await chat.SendAsync(locale == "en" ? "my deposit has not arrived" : "充值没到账");
        await chat.ChooseAsync("needHelp");
        await chat.SendAsync("12345678");
        Assert.Contains(Text(TextKeys.GatherGroup, locale)[..4], chat.Last.Text, StringComparison.Ordinal);

        await chat.SendAsync(answer);

        Assert.Equal("txid", chat.Last.StepId);
        var state = await StateAsync(chat);
        Assert.Equal("USDT", state.Values["coin"].Value);
        Assert.Equal("500", state.Values["amount"].Value);
        Assert.Contains("TRC", state.Values["network"].Display, StringComparison.Ordinal);
        Assert.True(state.Values.ContainsKey("time"));
    }

    [Fact]
    public async Task AContradictingValueIsAskedAboutAndTheAnswerKept()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("USDT TRC20 deposit not credited");
        await chat.SendAsync("12345678");
        await chat.SendAsync("actually it was ERC20");
        Assert.Equal(Steps.Conflict, chat.Last.StepId);
        Assert.Contains("TRC", chat.Last.Text, StringComparison.Ordinal);
        Assert.Contains("ERC", chat.Last.Text, StringComparison.Ordinal);

        await chat.SendAsync("2");
        var state = await StateAsync(chat);
        Assert.Equal(Phase.Gathering, state.Phase);
        Assert.Contains("ERC", state.Values["network"].Display, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCompromisedFlowsTransactionStepIsATxIdStep()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("my account got hacked and all my USDT is gone");
        await chat.ChooseAsync("needHelp");
        await chat.SendAsync("UID 12398765");
        await chat.SendAsync("this morning around 7");
        Assert.Equal("txids", chat.Last.StepId);
        Assert.Equal(SlotKinds.TxId, _bot.Engine.AwaitedDetailKind(await StateAsync(chat)));
    }

    [Theory]
    [InlineData("I want to talk to a real human NOW, not a bot")]
    [InlineData("JUST GIVE ME A PERSON")]
    [InlineData("我要人工客服，别让我跟机器人说话")]
    [InlineData("human")]
    [InlineData("转人工")]
    public async Task APersonIsReachedFromTheFirstMessage(string text)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(text);
        Assert.NotNull(chat.LastResult!.TicketNumber);
        var locale = TextMatching.HasCjk(text) ? "zh-CN" : "en";
        Assert.Contains(Text(TextKeys.HumanHandoff, locale), chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMenuOffersAHumanAndMidFlowAskingForOneWorks()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("hello");
        Assert.Contains(chat.Last.Choices, c => c.Value == "human" && c.Title == "Talk to a human");
        await chat.SendAsync("deposit not credited");
        await chat.SendAsync("can i speak to someone from support please");
        Assert.NotNull(chat.LastResult!.TicketNumber);
    }

    [Fact]
    public async Task AskingForAPersonWithATicketOpenShowsItsStatusAndPlaceInsteadOfASecond()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("转人工");
        var number = chat.LastResult!.TicketNumber!.Value;

        await chat.SendAsync("JUST GIVE ME A PERSON");
        Assert.Null(chat.LastResult!.TicketNumber);
        Assert.Contains("#" + number, chat.AllText, StringComparison.Ordinal);
        Assert.Contains(Text(TextKeys.TicketStatus(TicketStatus.New), "zh-CN"), chat.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Text(TextKeys.NotUnderstood, "zh-CN"), chat.AllText, StringComparison.Ordinal);
        Assert.Single(await _bot.Store.ListTicketsForUserAsync(chat.Key.Channel, chat.UserId, Ct));

        // Also in a new conversation's first message (the same user on the same channel).
        await _bot.Store.CommitTurnAsync(new Storage.TurnCommit { Conversation = chat.Key, UserId = chat.UserId, ExpectedVersion = (await _bot.Store.LoadAsync(chat.Key, Ct))!.Version, State = ConversationStateSerializer.Serialize(new ConversationState()), At = _bot.Time.GetUtcNow() }, Ct);
        await chat.SendAsync("I need a real person");
        Assert.Null(chat.LastResult!.TicketNumber);
        Assert.Contains("#" + number, chat.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("提现还没到账", "withdrawal")]
    [InlineData("我提现三个小时了还没到账 USDT TRC20", "withdrawal")]
    [InlineData("someone changed my email and i got logged out", "compromised")]
    [InlineData("cant loggin acount lockd", "login")]
    [InlineData("is this telegram group your official support?", "scam")]
    [InlineData("这个网址是不是官网", "scam")]
    [InlineData("提现卡住了！！3个小时了 uid 55667788", "withdrawal")]
    [InlineData("充值卡住了 500u", "deposit")]
    [InlineData("app卡住了打不开", "technical")]
    public async Task RoutingThatMatters(string text, string problem)
    {
        var chat = _bot.Conversation();
        await chat.SendAsync(text);
        Assert.Equal(problem, chat.Last.ProblemId);
    }

    [Fact]
    public async Task ANumberPicksAChoiceAtTheConfirmStep()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync($"UID 58213376 deposit 200 USDT TRC20 2025-03-03 10:45 txid: {TronTxId} to {SampleAnswers.TronAddress} not credited");
        await chat.SendAsync("skip");
        Assert.Equal(Steps.Confirm, chat.Last.StepId);
        await chat.SendAsync("1");
        Assert.NotNull(chat.LastResult!.TicketNumber);
    }

    [Fact]
    public async Task TheAgentCodeIsTakenOutOfASentence()
    {
        var agent = await HandoffScript.AgentAsync(_bot, "gina");
        var chat = _bot.Conversation();
        await chat.SendAsync("你好");
        await chat.SendAsync("核实客服");
        await chat.SendAsync("他说他的工号是 " + agent.Code);
        Assert.Contains(agent.Code, chat.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("他说", chat.AllText, StringComparison.Ordinal);
        Assert.Contains(Text(TextKeys.VerifyValid, "zh-CN").Split('{')[0], chat.AllText, StringComparison.Ordinal);

        await chat.SendAsync("核实客服");
        await chat.SendAsync("他说他的工号是 BG-8823");
        Assert.Contains("BG-8823", chat.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("他说", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageAfterTheRatingReopensTheTicketAsPromised()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "hank");
        await _bot.Desk.ClaimAsync(number, agent, Ct);
        await _bot.Desk.SetStatusAsync(number, DeskActor.For(agent), TicketStatus.Resolved, Ct);
        await chat.SendActivityAsync(chat.Activity("4") with { ChoiceValue = "rate:4" });

        await chat.SendAsync("it got rejected again today, same reason");
        Assert.Equal(TicketStatus.Assigned, (await _bot.Store.GetTicketAsync(number, Ct))!.Status);
        Assert.Contains("#" + number, chat.AllText, StringComparison.Ordinal);

        // Also after the comment was given.
        await _bot.Desk.SetStatusAsync(number, DeskActor.For(agent), TicketStatus.Resolved, Ct);
        await chat.SendAsync("ok");
        await chat.SendAsync("the deposit is gone from my balance once more");
        Assert.Equal(TicketStatus.Assigned, (await _bot.Store.GetTicketAsync(number, Ct))!.Status);
    }

    [Fact]
    public async Task TheUrgentNoteDoesNotClaimTheFrontOfTheQueueAndWalletUsersGetWalletAdvice()
    {
        foreach (var locale in Locales.All)
        {
            var urgent = Text(TextKeys.TicketUrgent, locale);
            Assert.DoesNotContain("front of the queue", urgent, StringComparison.Ordinal);
            Assert.DoesNotContain("最前面", urgent, StringComparison.Ordinal);
            var wallet = Text(TextKeys.TicketUrgentWallet, locale);
            Assert.DoesNotContain("API", wallet, StringComparison.Ordinal);
            Assert.DoesNotContain("2FA", wallet, StringComparison.Ordinal);
        }

        var chat = _bot.Conversation();
        await chat.SendAsync("my self custody wallet shows 0 balance after the update");
        var state = await StateAsync(chat);
        state.SecretExposed = true;
        await _bot.Store.CommitTurnAsync(new Storage.TurnCommit { Conversation = chat.Key, UserId = chat.UserId, ExpectedVersion = (await _bot.Store.LoadAsync(chat.Key, Ct))!.Version, State = ConversationStateSerializer.Serialize(state), At = _bot.Time.GetUtcNow() }, Ct);
        await chat.SendAsync("human");
        Assert.NotNull(chat.LastResult!.TicketNumber);
        Assert.DoesNotContain("API", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeWordsWithABareHourAreATime()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync("my account got hacked");
        await chat.ChooseAsync("needHelp");
        await chat.SendAsync("12398765");
        Assert.Equal("noticedAt", chat.Last.StepId);
        await chat.SendAsync("this morning around 7");
        Assert.NotEqual("noticedAt", chat.Last.StepId);
    }

    [Theory]
    [InlineData("withdrawal stuck, 200 USDT TRC20, UID 58213376", "it was yesterday around 9pm actually", "en")]
    [InlineData("我提现卡住了 USDT TRC20 200u UID 58213376", "昨天晚上9点左右", "zh-CN")]
    public async Task ADetailGivenInsteadOfTheOneAskedIsAcknowledgedBeforeTheQuestionAgain(string first, string later, string locale)
    {
        var chat = _bot.Conversation(locale: locale);
        await chat.SendAsync(first);
        Assert.Equal("withdrawalId", chat.Last.StepId);

        // Not the withdrawal ID, but the time: kept, and said so, or the same question again reads as unheard.
        await chat.SendAsync(later);

        var state = await StateAsync(chat);
        Assert.True(state.Values.ContainsKey("time"));
        Assert.Equal(2, chat.Replies.Count);
        var noted = Text(TextKeys.GatherNoted, locale)[..4];
        Assert.StartsWith(noted, chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(state.Values["time"].Display, chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("withdrawalId", chat.Last.StepId);
        Assert.DoesNotContain(Text(TextKeys.Error(RecognizerErrors.OrderIdFormat), locale), chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondScreenshotCountsInTheSummary()
    {
        var chat = _bot.Conversation();
        await chat.SendAsync($"UID 58213376 deposit 200 USDT TRC20 2025-03-03 10:45 txid: {TronTxId} to {SampleAnswers.TronAddress} not credited");
        await chat.SendAttachmentsAsync(TestConversation.Png());
        Assert.Equal(Steps.Confirm, chat.Last.StepId);
        await chat.SendAttachmentsAsync(TestConversation.Png("second.png"));
        Assert.Equal(Steps.Confirm, chat.Last.StepId);
        Assert.Contains("Screenshots: 2", chat.Last.Text, StringComparison.Ordinal);
    }
}
