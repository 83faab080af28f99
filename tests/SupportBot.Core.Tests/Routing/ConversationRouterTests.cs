using Microsoft.Data.Sqlite;
using Moq;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Routing;

/// <summary>The router's own duties: the guard before everything, the delete request to the channel, the ticket flag
/// for exposed secrets, and a clear answer when the store is down.</summary>
public class ConversationRouterTests
{
    private const string Seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Theory]
    [InlineData(DeleteOutcome.Deleted, null)]
    [InlineData(DeleteOutcome.Failed, TextKeys.DeleteFailed)]
    [InlineData(DeleteOutcome.NotSupported, TextKeys.DeleteNotSupported)]
    public async Task SeedPhraseIsRedactedWarnedAboutAndItsMessageDeleted(DeleteOutcome outcome, string? expectedKey)
    {
        var channel = new Mock<IChannelClient>();
        channel.SetupGet(c => c.Channel).Returns("test");
        channel.Setup(c => c.DeleteMessageAsync(It.IsAny<ConversationKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(outcome);
        var bot = new TestBot(channels: [channel.Object]);
        var chat = bot.Conversation();
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");

        var activity = chat.Activity("here is my seed phrase " + Seed);
        await chat.SendActivityAsync(activity);

        channel.Verify(c => c.DeleteMessageAsync(chat.Key, activity.MessageId!, It.IsAny<CancellationToken>()), Times.Once);
        var warning = bot.Catalog.Text(TextKeys.Warning(SecretKind.SeedPhrase)).Get("en");
        Assert.Equal(warning, chat.Replies[0].Text);
        Assert.Contains(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.CompromisedAdvice).Get("en"));
        Assert.Equal(expectedKey is not null, chat.Replies.Any(r => expectedKey is not null && r.Text == bot.Catalog.Text(expectedKey).Get("en")));
        Assert.Equal("uid", chat.Last.StepId); // the flow stays at the question it was on

        var transcript = await bot.Store.GetTranscriptAsync(chat.Key, 1, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(transcript, l => l.Text.Contains("abandon", StringComparison.Ordinal));
        Assert.Contains(transcript, l => l.Text.Contains(bot.Catalog.Text(TextKeys.Removed(SecretKind.SeedPhrase)).Get("en"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeftoverOfARemovedPasswordIsNotTakenAsAWrongAnswer()
    {
        var bot = new TestBot();
        var chat = bot.Conversation();
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");

        await chat.SendAsync("my password is hunter2hunter");

        Assert.Equal("uid", chat.Last.StepId);
        Assert.DoesNotContain(chat.Replies, r => r.Text.Contains(bot.Catalog.Text(TextKeys.Error(Core.Recognizers.RecognizerErrors.UidFormat)).Get("en"), StringComparison.Ordinal));
        var stored = await bot.Store.LoadAsync(chat.Key, TestContext.Current.CancellationToken);
        Assert.Equal(0, ConversationStateSerializer.Deserialize(stored!.State).Attempts);

        // A real answer in the same message as a secret still counts.
        await chat.SendAsync("UID 12345678, password: hunter2hunter");
        Assert.Equal("coin", chat.Last.StepId);
    }

    [Fact]
    public async Task FirstMessageWithNoLanguageGetsWarningAndMenuInTheConfiguredDefault()
    {
        var bot = new TestBot(options: new EngineOptions { DefaultLocale = "zh-CN" });
        var chat = bot.Conversation();

        await chat.SendAsync("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

        Assert.Equal(bot.Catalog.Text(TextKeys.Warning(SecretKind.KeyOrHash)).Get("zh-CN"), chat.Replies[0].Text);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Equal(bot.Catalog.Text(TextKeys.MenuPrompt).Get("zh-CN"), chat.Last.Text);
    }

    [Fact]
    public async Task ExposedSecretMakesTheNextTicketUrgentAndFlagged()
    {
        var bot = new TestBot();
        var chat = bot.Conversation();
        await chat.SendAsync("hello");
        await chat.SendAsync(Seed);
        await chat.SendAsync("human");

        var ticket = await bot.Store.GetTicketAsync(chat.LastResult!.TicketNumber!.Value, TestContext.Current.CancellationToken);
        Assert.True(ticket!.SecretExposed);
        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
    }

    [Fact]
    public async Task ExposedSecretAfterATicketFlagsThatTicket()
    {
        var bot = new TestBot();
        var chat = bot.Conversation();
        await chat.SendAsync("hello");
        await chat.SendAsync("human");
        var number = chat.LastResult!.TicketNumber!.Value;
        Assert.False((await bot.Store.GetTicketAsync(number, TestContext.Current.CancellationToken))!.SecretExposed);

        await chat.SendAsync("my private key is 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

        var ticket = await bot.Store.GetTicketAsync(number, TestContext.Current.CancellationToken);
        Assert.True(ticket!.SecretExposed);
        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
    }

    [Fact]
    public async Task StoreThatIsDownGetsAClearAnswerAndNoExceptionLeaksTheText()
    {
        var store = new Mock<IConversationStore>();
        store.Setup(s => s.WasProcessedAsync(It.IsAny<ConversationKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SqliteException("database disk image is malformed", 11));
        var bot = new TestBot();
        var router = new ConversationRouter(
            bot.Engine, new SafetyGuard(new SecretScanner(), bot.Catalog), store.Object, bot.Catalog, [], bot.Time);
        var activity = bot.Conversation().Activity("我的充值没到账，助记词是 " + Seed);

        var result = await router.HandleAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(RouteStatus.StoreUnavailable, result.Status);
        Assert.Equal(bot.Catalog.Text(TextKeys.StorageUnavailable).Get("zh-CN"), Assert.Single(result.Replies).Text);
    }

    [Fact]
    public async Task TurnsOfOneConversationRunOneAtATime()
    {
        var bot = new TestBot();
        var chat = bot.Conversation();
        await chat.SendAsync("hello");

        // Twenty messages at once on one conversation: each must see the state the previous one committed, so
        // none fails with a version conflict and every one lands in the transcript in some order.
        var sends = Enumerable.Range(0, 20).Select(i => bot.Router.HandleAsync(chat.Activity("help"), TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.Equal(RouteStatus.Processed, r.Status));
        var transcript = await bot.Store.GetTranscriptAsync(chat.Key, 1, TestContext.Current.CancellationToken);
        Assert.Equal(21, transcript.Count(l => l.Direction == TranscriptDirection.User));
    }
}
