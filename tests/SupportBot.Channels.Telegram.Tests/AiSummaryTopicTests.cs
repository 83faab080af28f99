using System.Globalization;
using System.Net;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Storage;
using SupportBot.Testing;
using SupportBot.Testing.Ai;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>The optional AI's summary in the ticket's forum topic: posted, labelled, once the fake model (real HTTP on
/// loopback) has written it; never with AI off.</summary>
public sealed class AiSummaryTopicTests
{
    private const long AgentChat = AgentTopicTests.AgentChat;

    [Fact]
    public async Task TheModelsSummaryIsPostedInTheTicketsTopicLabelledAsTheAis()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.AnswerText = "The user cannot find a deposit and asked for a human. Nothing else is known yet.";
        await using var bot = await StartAsync(model, enabled: true);
        const long chat = 9401;

        var number = await OpenTicketAsync(bot, chat);
        var topic = await AgentTopicTests.TopicOfAsync(bot, number);

        var expected = TestBot.Shipped.Text("telegram.topic.aiSummary").Format("zh-CN", ("summary", model.AnswerText));
        var posted = await bot.Api.WaitForCallAsync(c => c.Method == "sendMessage" && c.Accepted && c.ChatId == AgentChat
            && c.ThreadId == topic && WebUtility.HtmlDecode(c.Text!) == expected);
        Assert.StartsWith("AI 摘要", WebUtility.HtmlDecode(posted.Text!), StringComparison.Ordinal);
        Assert.Single(model.Requests);

        // Posted once, and nothing of it went to the user's own chat.
        Assert.Single(bot.Api.Sent(AgentChat), c => WebUtility.HtmlDecode(c.Text!).Contains(model.AnswerText, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Api.Sent(chat), c => WebUtility.HtmlDecode(c.Text!).Contains(model.AnswerText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAiOffTheTopicGetsNoSummaryAndTheModelNoCall()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var bot = await StartAsync(model, enabled: false);
        const long chat = 9402;

        var number = await OpenTicketAsync(bot, chat);
        var topic = await AgentTopicTests.TopicOfAsync(bot, number);

        // An agent answers and the user's reply reaches the topic, so every event before it has been handled.
        await AgentTopicTests.LinkAgentAsync(bot, "Bob", 5402);
        await bot.SendAsync(chat, Updates.Topic(AgentChat, topic, 5402, "Hello, I am looking at it."));
        await bot.SendAsync(chat, Updates.Text(chat, "Thanks! The deposit was 250 USDT."));
        await bot.Api.WaitForCallAsync(c => c.Method == "sendMessage" && c.ChatId == AgentChat && c.ThreadId == topic
            && WebUtility.HtmlDecode(c.Text!).Contains("Thanks! The deposit was 250 USDT.", StringComparison.Ordinal));

        Assert.Empty(model.Requests);
        Assert.DoesNotContain(bot.Api.Sent(AgentChat), c => c.Text!.Contains("AI", StringComparison.Ordinal)
            || c.Text.Contains(model.AnswerText, StringComparison.Ordinal));
        var ticket = await bot.Host.Get<ITicketStore>().GetTicketAsync(number, TestContext.Current.CancellationToken);
        Assert.Null(ticket!.Summary);
    }

    private static Task<TelegramHarness> StartAsync(FakeOpenAiServer model, bool enabled) =>
        TelegramHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:AgentChatId"] = AgentChat.ToString(CultureInfo.InvariantCulture),

            // The agents read Chinese here: the label follows the group's language.
            ["Telegram:AgentLocale"] = "zh-CN",
            ["AI:Enabled"] = enabled ? "true" : "false",
            ["AI:Endpoint"] = model.Endpoint,
            ["AI:Model"] = "fake-model",
        });

    private static async Task<long> OpenTicketAsync(TelegramHarness bot, long chat)
    {
        await bot.SendAsync(chat, Updates.Text(chat, "hello"));
        await bot.SendAsync(chat, Updates.Text(chat, "talk to a human"));
        var tickets = await bot.Host.Get<ITicketStore>().ListTicketsForUserAsync(
            "telegram", TelegramHarness.Id(chat), TestContext.Current.CancellationToken);
        return Assert.Single(tickets).Number;
    }
}
