using System.Text;
using SupportBot.Channels.Telegram.Tests.Fake;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>The bot token is in every Bot API address and in the file download address: it must not reach a log line
/// at any level, the database or the attachments, whatever goes wrong on the way.</summary>
public sealed class TokenHygieneTests
{
    [Fact]
    public async Task AFullConversationWithAPhotoASecretAnAgentAndFailuresLeavesTheTokenNowhere()
    {
        var data = Path.Combine(Path.GetTempPath(), "supportbot-telegram-" + Guid.NewGuid().ToString("N"));
        const long chat = 7101;
        var bot = await TelegramHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Telegram:RequestTimeout"] = "00:00:02",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:System.Net.Http"] = "Trace",
                ["Storage:Attachments:Path"] = Path.Combine(data, "attachments"),
                ["Telegram:AgentChatId"] = AgentTopicTests.AgentChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            dataFolder: data);
        IReadOnlyList<string> lines;
        try
        {
            // Failures on the way: a getFile that fails, sends that time out, meet a 500 or a dropped connection, polling
            // errors (the library words a dropped connection with the transport's own message).
            bot.Api.Inject(Fault.ServerError("getFile"));
            bot.Api.Inject(Fault.ServerError("sendMessage") with { ChatId = chat });
            bot.Api.Inject(Fault.Timeout("sendChatAction") with { ChatId = chat });
            bot.Api.Inject(Fault.ServerError("getUpdates"));
            bot.Api.Inject(Fault.Dropped("getUpdates"));
            bot.Api.Inject(Fault.Dropped("sendMessage") with { ChatId = chat });
            bot.Api.AddFile("early-" + chat, [1, 2, 3]);
            await bot.SendAsync(chat, Updates.Text(chat, "hello"));
            await bot.SendAsync(chat, Updates.Photo(chat, "early-" + chat, 3));

            var ticket = await DepositConversationTests.RunDepositAsync(bot, chat, "en", "my deposit has not arrived");
            Assert.NotEmpty(ticket.Attachments);
            Assert.Contains(bot.Api.Calls, c => c.Method == "getFile" && c.Status == 500);
            Assert.Contains(bot.Api.Calls, c => c.Method == "sendMessage" && c.Status == 500);

            // An agent answers from the ticket's topic in the agent group; the user gets it, signed.
            var agent = await AgentTopicTests.LinkAgentAsync(bot, "Tom", 7102);
            var topic = await AgentTopicTests.TopicOfAsync(bot, ticket.Number);
            await bot.SendAsync(AgentTopicTests.AgentChat, Updates.Topic(AgentTopicTests.AgentChat, topic, 7102, "We found your deposit."));
            await bot.WaitForOutboxAsync();
            Assert.EndsWith("We found your deposit.", bot.Api.Sent(chat)[^1].Text, StringComparison.Ordinal);
            Assert.Contains(agent.Code, bot.Api.Sent(chat)[^1].Text, StringComparison.Ordinal);

            // Then a seed phrase: deleted from the chat.
            await bot.SendAsync(chat, Updates.Text(chat, "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", messageId: 7199));
            Assert.Single(bot.Api.Calls, c => c.Method == "deleteMessage" && c.Parameters["message_id"]!.GetValue<long>() == 7199);
            Assert.Empty(bot.Api.Refused);
        }
        finally
        {
            await bot.DisposeAsync();
            lines = bot.Logs.Lines;
        }

        // The capture did see the framework's own low-level categories, so an address logged there would show.
        Assert.Contains(lines, l => l.StartsWith("Trace ", StringComparison.Ordinal) || l.StartsWith("Debug Microsoft.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Telegram getUpdates failed: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(FakeBotApi.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("/bot", StringComparison.Ordinal));

        // Nothing on disk either: the database (with its journal) and the stored screenshots.
        var token = Encoding.UTF8.GetBytes(FakeBotApi.Token);
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("supportbot.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("attachments", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.True(bytes.AsSpan().IndexOf(token) < 0, "the token is in " + file);
            Assert.True(bytes.AsSpan().IndexOf("/file/bot"u8) < 0, "a file address is in " + file);
        }

        Directory.Delete(data, recursive: true);
    }
}
