using System.Net;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>Private and group chats through the real host: secrets, groups, files, bad input.</summary>
public sealed class PrivateChatTests
{
    private const string SeedPhrase =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public async Task ASeedPhraseIsDeletedFromTheChatAndTheUserWarned()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8001;
        await bot.SendAsync(chat, Updates.Text(chat, "hello"));

        var update = Updates.Text(chat, "my words are " + SeedPhrase, messageId: 9901);
        var sent = await bot.SendAsync(chat, update);

        var delete = Assert.Single(bot.Api.Calls, c => c.Method == "deleteMessage");
        Assert.Equal(chat, delete.ChatId);
        Assert.Equal(9901, delete.Parameters["message_id"]!.GetValue<long>());
        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, c => c.Text!.Contains("abandon abandon", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("abandon abandon", StringComparison.Ordinal));
        var transcript = await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(transcript, l => l.Text.Contains("abandon abandon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTelegramRefusesTheDeleteTheUserIsAskedToDeleteItThemselves()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8002;
        bot.Api.Inject(new Fault("deleteMessage", 400, "Bad Request: message can't be deleted for everyone"));

        var sent = await bot.SendAsync(chat, Updates.Text(chat, SeedPhrase));

        var expected = TestBot.Shipped.Text(TextKeys.DeleteFailed).Get("en");
        Assert.Contains(sent, c => WebUtility.HtmlDecode(c.Text!) == expected);
    }

    [Fact]
    public async Task AMessageInAGroupAsksTheUserToWritePrivately()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long group = -1009001;
        var sent = await bot.SendAsync(group, Updates.Group(group, 8003, "@" + FakeBotApi.BotUsername + " my deposit is missing"));

        var reply = Assert.Single(sent);
        Assert.Equal(TestBot.Shipped.Text("telegram.privateChatOnly").Get("en"), WebUtility.HtmlDecode(reply.Text!));
        var tickets = await bot.Host.Get<ITicketStore>().ListTicketsForUserAsync("telegram", "8003", TestContext.Current.CancellationToken);
        Assert.Empty(tickets);
    }

    [Fact]
    public async Task AnOversizedPhotoIsRefusedWithoutDownloadingIt()
    {
        await using var bot = await TelegramHarness.StartAsync(new Dictionary<string, string?> { ["Telegram:MaxFileBytes"] = "50" });
        const long chat = 8004;
        var sent = await bot.SendAsync(chat, Updates.Photo(chat, "big", 5_000_000));

        Assert.Contains(sent, c => WebUtility.HtmlDecode(c.Text!).StartsWith(
            TestBot.Shipped.Text("telegram.fileTooLarge").Format("en", ("maxMb", "0")), StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method == "getFile" && (string?)c.Parameters["file_id"] == "big");
    }

    [Fact]
    public async Task UnknownAndMalformedUpdatesAreSkippedAndTheNextOneIsHandled()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8005;
        bot.Api.EnqueueRaw("""{"update_id": 50001, "poll": {"id": "p", "question": "secret question text"}}""");
        bot.Api.EnqueueRaw("""{"update_id": 50002, "message": "not an object: my password is hunter2"}""");
        var sent = await bot.SendAsync(chat, Updates.Text(chat, "hello") .Also(u => u["update_id"] = 50003));

        Assert.NotEmpty(sent);
        Assert.Equal("50004", await bot.StoredOffsetAsync());
        Assert.Contains(bot.Logs.Lines, l => l.Contains("malformed Telegram update 50002", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("hunter2", StringComparison.Ordinal) || l.Contains("secret question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStaleOrUnknownButtonIsAnsweredAndItsKeyboardRemovedAndNothingElseHappens()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8007;
        var sent = await bot.SendAsync(chat, Updates.Text(chat, "my deposit has not arrived"));
        var keyboard = sent.Last(c => c.Parameters["reply_markup"] is not null);
        var userLines = await UserLinesAsync(bot, chat);

        // A button whose long value the bot no longer knows (the hash is not in the store).
        var before = bot.Api.Calls.Count;
        var unknown = Updates.Callback(chat, keyboard, 1, "h:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var answerId = (string)unknown["callback_query"]!["id"]!;
        Assert.Empty(await bot.SendAsync(chat, unknown));
        var calls = bot.Api.Calls.Skip(before).ToList();
        Assert.Contains(calls, c => c.Method == "answerCallbackQuery" && (string?)c.Parameters["callback_query_id"] == answerId);
        Assert.Contains(calls, c => c.Method == "editMessageReplyMarkup" && c.Parameters["reply_markup"] is null);

        // A button on a message too old to be seen (Telegram sends date 0): answered too, nothing edited.
        before = bot.Api.Calls.Count;
        var old = Updates.Callback(chat, keyboard, 1, "h:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
        old["callback_query"]!["message"]!["date"] = 0;
        Assert.Empty(await bot.SendAsync(chat, old));
        calls = bot.Api.Calls.Skip(before).ToList();
        Assert.Contains(calls, c => c.Method == "answerCallbackQuery");
        Assert.DoesNotContain(calls, c => c.Method == "editMessageReplyMarkup");
        Assert.Equal(userLines, await UserLinesAsync(bot, chat));

        // Even when answering fails, the press is still handled and the spinner's answer was tried once.
        bot.Api.Inject(new Fault("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired or query ID is invalid"));
        var data = (string)keyboard.Parameters["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!;
        Assert.NotEmpty(await bot.SendAsync(chat, Updates.Callback(chat, keyboard, 1, data)));
        Assert.Equal(userLines + 1, await UserLinesAsync(bot, chat));
        Assert.Empty(bot.Api.Refused);
    }

    private static async Task<int> UserLinesAsync(TelegramHarness bot, long chat) =>
        (await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken))
        .Count(l => l.Direction == TranscriptDirection.User);

    [Fact]
    public async Task TypingIsShownAgainWhileAScreenshotIsStillBeingFetched()
    {
        await using var bot = await TelegramHarness.StartAsync(new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:30" });
        const long chat = 8008;
        bot.Api.Inject(Fault.Timeout("getFile"));
        bot.Api.Enqueue(Updates.Photo(chat, "slow-" + chat, 1000));

        // Telegram shows "typing…" for five seconds; a download that takes longer gets it repeated.
        var hang = await bot.Api.WaitForCallAsync(c => c.Method == "getFile" && c.Status == 0);
        var again = await bot.Api.WaitForCallAsync(
            c => c.Sequence > hang.Sequence && c.Method == "sendChatAction" && c.ChatId == chat, TimeSpan.FromSeconds(30));
        Assert.Equal("typing", (string?)again.Parameters["action"]);
    }

    [Fact]
    public async Task TheUsersLanguageCodeChoosesTheLanguage()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8006;
        var sent = await bot.SendAsync(chat, Updates.Text(chat, "👋", language: "zh-hans"));
        Assert.Contains(sent, c => c.Text!.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF));
        Assert.Contains(bot.Api.Calls, c => c.Method == "sendChatAction" && (string?)c.Parameters["action"] == "typing");
    }
}
