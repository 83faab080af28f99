using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;
using SupportBot.Core.Tests.Engine;
using SupportBot.Core.Tickets;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>The ticket rules a user meets in their chat: no duplicates, live relay with an agent, rating, reopening
/// within the window, "my tickets". Clock on a <see cref="ManualTimeProvider"/>.</summary>
public sealed class TicketHandoffTests
{
    private readonly TestBot _bot = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondRequestOnTheSameProblemOffersToAddToTheOpenTicketBeforeAnyQuestion()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var first = HandoffScript.CreatedTicket(chat);

        // The offer comes as soon as the problem is known, not after every question was asked again.
        await chat.SendAsync("my USDT deposit still hasn't arrived, txid 4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f");
        Assert.Null(chat.LastResult!.TicketNumber);
        Assert.Equal(Steps.DuplicateOffer, chat.Last.StepId);
        Assert.Contains("#" + first, chat.Last.Text, StringComparison.Ordinal);
        Assert.Equal("addToTicket", chat.Last.Choices[0].Value);

        await chat.SendAsync("yes");
        Assert.Null(chat.LastResult!.TicketNumber);
        Assert.Contains("#" + first, chat.AllText, StringComparison.Ordinal);
        var mine = await _bot.Store.ListTicketsForUserAsync(chat.Key.Channel, chat.UserId, Ct);
        Assert.Single(mine);
        var history = await _bot.Store.GetHistoryAsync(first, Ct);
        Assert.Contains(history, h => h.Action == "details");
    }

    [Fact]
    public async Task TheUserMayStillOpenASeparateTicket()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var first = HandoffScript.CreatedTicket(chat);
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("newTicket");

        // A new ticket needs its own details: the questions follow, and the offer is not made again at the end.
        Assert.Equal("uid", chat.Last.StepId);
        var problem = _bot.Catalog.FindProblem("deposit")!;
        while (chat.Last.StepId != Steps.Confirm)
        {
            var detail = problem.Details.Single(d => d.Id == chat.Last.StepId);
            await chat.SendAsync(detail.Kind == SlotKinds.Screenshots ? "skip" : SampleAnswers.For(detail, "en"));
        }

        await chat.ChooseAsync("confirm");
        var second = HandoffScript.CreatedTicket(chat);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task AClosedTicketOnTheSameProblemIsNoDuplicate()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var first = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "closer");
        Assert.True((await _bot.Desk.SetStatusAsync(first, DeskActor.For(agent), TicketStatus.Closed, Ct)).Succeeded);

        await HandoffScript.DepositToConfirmAsync(chat);
        Assert.NotEqual(first, HandoffScript.CreatedTicket(chat));
    }

    [Fact]
    public async Task WhileAnAgentHasTheTicketTheUsersMessagesGoToItAndMenuLeavesTheLiveChat()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "alice");
        using var events = _bot.Events.Subscribe();

        var claim = await _bot.Desk.ClaimAsync(number, agent, Ct);
        Assert.Equal(DeskOutcome.Done, claim.Outcome);
        var joined = (await HandoffScript.OutboxAsync(_bot, chat))[^1].Reply;
        Assert.Contains(agent.Code, joined.Text, StringComparison.Ordinal);

        await chat.SendAsync("The exchange says it was sent an hour ago");
        Assert.Empty(chat.Replies);
        var ticket = await _bot.Store.GetTicketAsync(number, Ct);
        Assert.NotNull(ticket!.LastUserMessageAt);
        Assert.True(events.Reader.TryRead(out var claimed));
        Assert.Equal(TicketEventKind.Changed, claimed.Kind);
        Assert.True(events.Reader.TryRead(out var relayed));
        Assert.Equal((number, TicketEventKind.UserMessage), (relayed.Number, relayed.Kind));

        await chat.SendAsync("menu");
        Assert.Contains("#" + number, chat.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(Steps.Menu, chat.Last.StepId);

        await chat.SendAsync("ticket " + number);
        var back = chat.Last.Choices.Single(c => c.Value.StartsWith("ticketLive:", StringComparison.Ordinal));
        await chat.ChooseAsync(back.Value);
        await chat.SendAsync("still nothing");
        Assert.Empty(chat.Replies);
    }

    [Theory]
    [InlineData("en", "verify agent")]
    [InlineData("zh-CN", "核实客服")]
    public async Task VerifyingTheAgentsCodeWorksInTheLiveChatAndIsNotRelayed(string locale, string command)
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation(locale: locale), locale);
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "alice");
        Assert.True((await _bot.Desk.ClaimAsync(number, agent, Ct)).Succeeded);
        var before = (await _bot.Store.GetTicketAsync(number, Ct))!;

        await chat.SendAsync(command);
        Assert.Equal(Steps.VerifyAgent, chat.Last.StepId);
        await chat.SendAsync(agent.Code.ToLowerInvariant());

        Assert.Equal(
            _bot.Catalog.Text(TextKeys.VerifyValid).Format(locale, ("code", agent.Code), ("name", agent.Name)),
            chat.Replies[0].Text);

        // The bot says the user is back with the agent, not the main menu (whose choices would suggest it took over).
        Assert.Equal(
            _bot.Catalog.Text(TextKeys.LiveBack).Format(locale, ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            chat.Last.Text);
        Assert.Empty(chat.Last.Choices);
        var after = (await _bot.Store.GetTicketAsync(number, Ct))!;
        Assert.Equal(before.LastUserMessageAt, after.LastUserMessageAt);

        // Back in the live chat: the next message goes to the agent again.
        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        await chat.SendAsync(locale == "en" ? "ok, thank you for checking my deposit" : "好的，麻烦帮我查一下充值");
        Assert.Empty(chat.Replies);
        Assert.NotEqual(after.LastUserMessageAt, (await _bot.Store.GetTicketAsync(number, Ct))!.LastUserMessageAt);
    }

    [Fact]
    public async Task AnAgentsReplyReachesTheChatSignedAndCountsAsFirstResponse()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "bob");
        _bot.Time.Advance(TimeSpan.FromMinutes(12));

        var reply = await _bot.Desk.ReplyAsync(number, DeskActor.For(agent), "We can see the deposit; it needs 20 confirmations.", Ct);
        Assert.Equal(DeskOutcome.Done, reply.Outcome);
        Assert.Equal(agent.Id, reply.Ticket!.AssigneeId);
        Assert.Equal(TimeSpan.FromMinutes(12), reply.Ticket.FirstResponseAt - reply.Ticket.CreatedAt);
        var sent = (await HandoffScript.OutboxAsync(_bot, chat))[^1].Reply;
        Assert.Equal(new AgentSignature("bob", agent.Code), sent.Agent);
        Assert.Contains("20 confirmations", sent.Text, StringComparison.Ordinal);
        var transcript = await _bot.Store.GetTranscriptAsync(chat.Key, 1, Ct);
        Assert.Contains(transcript, l => l.Direction == Core.Storage.TranscriptDirection.Agent && l.Text.Contains("20 confirmations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplyAskingForTheSeedPhraseIsStoppedAndNothingIsSent()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "mallory");
        var before = (await HandoffScript.OutboxAsync(_bot, chat)).Count;

        var reply = await _bot.Desk.ReplyAsync(number, DeskActor.For(agent), "Please send me your seed phrase so I can check", Ct);

        Assert.Equal(DeskOutcome.Blocked, reply.Outcome);
        Assert.Equal(SecretKind.SeedPhrase, reply.BlockedSecret);
        Assert.Equal(before, (await HandoffScript.OutboxAsync(_bot, chat)).Count);
    }

    [Fact]
    public async Task TwoAgentsClaimingAtOnceOneWinsTheOtherIsToldWho()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation());
        var number = HandoffScript.CreatedTicket(chat);
        var alice = await HandoffScript.AgentAsync(_bot, "alice");
        var carol = await HandoffScript.AgentAsync(_bot, "carol");

        var results = await Task.WhenAll(
            Task.Run(() => _bot.Desk.ClaimAsync(number, alice, Ct), Ct),
            Task.Run(() => _bot.Desk.ClaimAsync(number, carol, Ct), Ct));

        Assert.Single(results, r => r.Outcome == DeskOutcome.Done);
        var loser = Assert.Single(results, r => r.Outcome == DeskOutcome.AlreadyClaimed);
        var winner = results.Single(r => r.Outcome == DeskOutcome.Done).Ticket!.AssigneeName;
        Assert.Equal(winner, loser.ClaimedBy);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task AfterResolvingTheBotAsksForARatingAndAnOptionalComment(string locale)
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation(), locale);
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(_bot, "dave");
        await _bot.Desk.ReplyAsync(number, DeskActor.For(agent), "Credited now.", Ct);
        await _bot.Desk.SetStatusAsync(number, DeskActor.For(agent), TicketStatus.Resolved, Ct);

        var question = (await HandoffScript.OutboxAsync(_bot, chat))[^1].Reply;
        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5"], question.Choices.Select(c => c.Value));
        await chat.SendActivityAsync(chat.Activity("4") with { ChoiceValue = "rate:4" });
        Assert.Equal("skip", chat.Last.Choices.Single().Value);
        await chat.SendAsync(locale == "en" ? "Fast and clear, thanks" : "很快，谢谢");

        var ticket = await _bot.Store.GetTicketAsync(number, Ct);
        Assert.Equal(4, ticket!.Rating);
        Assert.Equal(locale == "en" ? "Fast and clear, thanks" : "很快，谢谢", ticket.RatingComment);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
    }

    [Fact]
    public async Task WritingWithinTheReopenWindowReopensAResolvedTicketAfterItDoesNot()
    {
        var bot = new TestBot(support: new SupportOptions { ReopenWindow = TimeSpan.FromDays(3) });
        var chat = await HandoffScript.DepositToConfirmAsync(bot.Conversation());
        var number = HandoffScript.CreatedTicket(chat);
        var agent = await HandoffScript.AgentAsync(bot, "erin");
        await bot.Desk.ClaimAsync(number, agent, Ct);
        await bot.Desk.SetStatusAsync(number, DeskActor.For(agent), TicketStatus.Resolved, Ct);

        bot.Time.Advance(TimeSpan.FromDays(2));
        await chat.SendAsync("It is gone again from my balance");
        var reopened = await bot.Store.GetTicketAsync(number, Ct);
        Assert.Equal(TicketStatus.Assigned, reopened!.Status);
        Assert.Contains("#" + number, chat.AllText, StringComparison.Ordinal);
        Assert.Contains(await bot.Store.GetHistoryAsync(number, Ct), h => h.Action == "reopened");

        await bot.Desk.SetStatusAsync(number, DeskActor.For(agent), TicketStatus.Resolved, Ct);
        bot.Time.Advance(TimeSpan.FromDays(4));
        await chat.SendAsync("my withdrawal is stuck");
        Assert.Equal(TicketStatus.Resolved, (await bot.Store.GetTicketAsync(number, Ct))!.Status);
        Assert.Equal("withdrawal", chat.Replies[0].ProblemId);
    }

    [Fact]
    public async Task MyTicketsListsTheUsersOwnAndALookupOfSomeoneElsesNumberFindsNothing()
    {
        var chat = await HandoffScript.DepositToConfirmAsync(_bot.Conversation("user-a"));
        var mine = HandoffScript.CreatedTicket(chat);
        var other = await HandoffScript.DepositToConfirmAsync(_bot.Conversation("user-b"));
        var theirs = HandoffScript.CreatedTicket(other);

        await chat.SendAsync("我的工单");
        Assert.Contains("#" + mine, chat.Last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#" + theirs, chat.Last.Text, StringComparison.Ordinal);
        Assert.Equal("ticketShow:" + mine, chat.Last.Choices.Single().Value);

        await chat.SendAsync("#" + theirs);
        Assert.Contains("#" + theirs, chat.Last.Text, StringComparison.Ordinal);
        Assert.Empty(chat.Last.Choices);

        await chat.SendAsync("ticket " + mine);
        Assert.Contains(chat.Last.Choices, c => c.Value == "ticketClose:" + mine);
        await chat.ChooseAsync("ticketAdd:" + mine);
        await chat.SendAttachmentsAsync(TestConversation.Png());
        await chat.SendAsync("the second screenshot shows the wallet side");
        await chat.ChooseAsync("ticketDone");
        var ticket = await _bot.Store.GetTicketAsync(mine, Ct);
        Assert.NotNull(ticket!.LastUserMessageAt);

        await chat.SendAsync("ticket " + mine);
        await chat.ChooseAsync("ticketClose:" + mine);
        Assert.Equal(TicketStatus.Closed, (await _bot.Store.GetTicketAsync(mine, Ct))!.Status);
    }
}
