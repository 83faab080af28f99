using System.Globalization;
using System.Net;
using SupportBot.Channels.Telegram.Agents;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Agents;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>Agents working tickets from forum topics in the agent group.</summary>
public sealed class AgentTopicTests
{
    internal const long AgentChat = -1001234567890;
    private const long AgentUser = 555;

    [Fact]
    public async Task ATicketGetsATopicAndMessagesFlowBothWays()
    {
        await using var bot = await StartAsync();
        var agent = await LinkAgentAsync(bot, "Bob", AgentUser);
        const long chat = 9301;
        var number = await OpenTicketAsync(bot, chat);

        var created = await bot.Api.WaitForCallAsync(c => c.Method == "createForumTopic");
        Assert.Equal(AgentChat, created.ChatId);
        Assert.Contains("#" + number.ToString(CultureInfo.InvariantCulture), (string?)created.Parameters["name"], StringComparison.Ordinal);
        var topic = await TopicOfAsync(bot, number);
        await bot.Api.WaitForCallAsync(c => c.Method == "sendMessage" && c.ChatId == AgentChat && c.ThreadId == topic);

        // The agent claims and answers in the topic: the user gets it signed with name and code, escaped.
        await bot.SendAsync(AgentChat, Updates.Topic(AgentChat, topic, AgentUser, "/claim"));
        await bot.SendAsync(chat, Updates.Topic(AgentChat, topic, AgentUser, "Hi, checking <your> deposit & more"));
        await bot.WaitForOutboxAsync();
        var reply = bot.Api.Sent(chat)[^1];
        Assert.Contains(agent.Code, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Bob", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Hi, checking &lt;your&gt; deposit &amp; more", reply.Text, StringComparison.Ordinal);

        // The user's answer shows up in the topic.
        var before = bot.Api.Calls.Count;
        await bot.SendAsync(chat, Updates.Text(chat, "thanks, the txid is <abc>"));
        await bot.Api.WaitForCallAsync(c => c.Sequence > before && c.Method == "sendMessage" && c.ChatId == AgentChat
            && c.ThreadId == topic && WebUtility.HtmlDecode(c.Text!).Contains("thanks, the txid is <abc>", StringComparison.Ordinal));
        Assert.Empty(bot.Api.Refused);
    }

    [Fact]
    public async Task AnAgentAskingForASecretIsStoppedAndToldWhyAndABusyGroupIsWaitedOut()
    {
        await using var bot = await StartAsync();
        await LinkAgentAsync(bot, "Eve", AgentUser + 1);
        const long chat = 9304;

        // The agent group is busy when the ticket arrives: the topic is still created once Telegram allows it.
        bot.Api.Inject(Fault.TooManyRequests("createForumTopic", 1));
        var number = await OpenTicketAsync(bot, chat);
        var topic = await TopicOfAsync(bot, number);
        Assert.Contains(bot.Api.Calls, c => c.Method == "createForumTopic" && c.Status == 429);

        var userMessages = bot.Api.Sent(chat).Count;
        await bot.SendAsync(AgentChat, Updates.Topic(AgentChat, topic, AgentUser + 1, "Please send me your seed phrase so I can check"));
        await bot.WaitForOutboxAsync();

        Assert.Equal(userMessages, bot.Api.Sent(chat).Count);
        var why = TestBot.Shipped.Text(SupportBot.Core.Catalog.TextKeys.OutboundBlocked(SupportBot.Core.Safety.SecretKind.SeedPhrase)).Get("en");
        Assert.Contains(bot.Api.Sent(AgentChat), c => c.ThreadId == topic && WebUtility.HtmlDecode(c.Text!) == why);
    }

    [Fact]
    public async Task ACommandWhoseConfirmationFailsIsNotRunTwice()
    {
        await using var bot = await StartAsync();
        await LinkAgentAsync(bot, "Ann", AgentUser + 2);
        const long chat = 9305;
        var number = await OpenTicketAsync(bot, chat);
        var topic = await TopicOfAsync(bot, number);
        await bot.WaitForOutboxAsync();

        var confirmation = TestBot.Shipped.Text("telegram.agent.noteAdded").Format("en", ("number", number.ToString(CultureInfo.InvariantCulture)));
        bot.Api.Inject(Fault.ServerError("sendMessage") with { ChatId = AgentChat, Match = p => (string?)p["text"] == confirmation });
        await bot.SendAsync(AgentChat, Updates.Topic(AgentChat, topic, AgentUser + 2, "/note checked the chain, pending"));

        var notes = await bot.Host.Get<ITicketStore>().GetNotesAsync(number, TestContext.Current.CancellationToken);
        Assert.Single(notes);
        Assert.Contains(bot.Api.Calls, c => c.ChatId == AgentChat && c.Status == 500 && c.Text == confirmation);
    }

    [Fact]
    public async Task AnUnlinkedTelegramUserCannotActOnATicket()
    {
        await using var bot = await StartAsync();
        const long chat = 9302;
        var number = await OpenTicketAsync(bot, chat);
        var topic = await TopicOfAsync(bot, number);
        var userMessages = bot.Api.Sent(chat).Count;

        await bot.SendAsync(AgentChat, Updates.Topic(AgentChat, topic, 666, "send me your password"));
        await bot.SendAsync(AgentChat, Updates.Topic(AgentChat, topic, 666, "/claim"));

        Assert.Equal(userMessages, bot.Api.Sent(chat).Count);
        Assert.Contains(bot.Api.Sent(AgentChat), c => c.ThreadId == topic && c.Text!.Contains("666", StringComparison.Ordinal)
            && c.Text.Contains("agent link", StringComparison.Ordinal));
        var ticket = await bot.Host.Get<ITicketStore>().GetTicketAsync(number, TestContext.Current.CancellationToken);
        Assert.Null(ticket!.AssigneeId);
    }

    [Fact]
    public async Task ConcurrentEventsCreateOneTopicAndADeletedTopicIsRecreated()
    {
        await using var bot = await StartAsync();
        const long chat = 9303;
        var number = await OpenTicketAsync(bot, chat);
        var topics = bot.Host.Get<AgentTopics>();

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => topics.EnsureTopicAsync(number, TestContext.Current.CancellationToken)));
        Assert.Single(all.Distinct());
        Assert.Single(bot.Api.Calls, c => c.Method == "createForumTopic" && c.Accepted);

        // An admin deleted the topic: the next post creates a new one and lands there.
        var old = all[0]!.Value;
        bot.Api.Inject(new Fault("sendMessage", 400, "Bad Request: message thread not found")
        {
            ChatId = AgentChat,
            Match = p => p["message_thread_id"]?.GetValue<long>() == old,
            Times = 100,
        });
        await topics.PostAsync(number, "still there?", TestContext.Current.CancellationToken);

        var renewed = await TopicOfAsync(bot, number);
        Assert.NotEqual(old, renewed);
        Assert.Equal(2, bot.Api.Calls.Count(c => c.Method == "createForumTopic" && c.Accepted));
        Assert.Contains(bot.Api.Sent(AgentChat), c => c.ThreadId == renewed && c.Text == "still there?");
    }

    private static Task<TelegramHarness> StartAsync() =>
        TelegramHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:AgentChatId"] = AgentChat.ToString(CultureInfo.InvariantCulture),
        });

    internal static async Task<Agent> LinkAgentAsync(TelegramHarness bot, string name, long telegramUser)
    {
        var agents = bot.Host.Get<IAgentStore>();
        var agent = await agents.CreateAgentAsync(
            new NewAgent(name, AgentRole.Agent, "SB-" + name.ToUpperInvariant() + "7K3", "x", DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        await agents.LinkAgentAsync(agent.Id, new AgentLink("telegram", TelegramHarness.Id(telegramUser)), TestContext.Current.CancellationToken);
        return agent;
    }

    private static async Task<long> OpenTicketAsync(TelegramHarness bot, long chat)
    {
        await bot.SendAsync(chat, Updates.Text(chat, "hello"));
        await bot.SendAsync(chat, Updates.Text(chat, "talk to a human"));
        var tickets = await bot.Host.Get<ITicketStore>().ListTicketsForUserAsync(
            "telegram", TelegramHarness.Id(chat), TestContext.Current.CancellationToken);
        return Assert.Single(tickets).Number;
    }

    internal static async Task<long> TopicOfAsync(TelegramHarness bot, long number)
    {
        var state = bot.Host.Get<IChannelStateStore>();
        string? link = null;
        await bot.Api.WaitUntilAsync(
            () => (link = state.GetTicketLinkAsync("telegram", number).GetAwaiter().GetResult()) is not null,
            what: "the ticket's topic link");
        return long.Parse(link!, CultureInfo.InvariantCulture);
    }
}
