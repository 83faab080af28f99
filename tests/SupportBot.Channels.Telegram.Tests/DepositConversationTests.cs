using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Testing;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>A user in a private chat goes from "my deposit has not arrived" to a ticket number, through the real host
/// and the fake Bot API: inline keyboards, a photo, HTML, in both languages.</summary>
public sealed class DepositConversationTests
{
    private const string TronAddress = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    internal const string TronTxId = "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    internal static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData("en", "my deposit has not arrived", 7001)]
    [InlineData("zh-hans", "我的充值没到账", 7002)]
    public async Task DepositNotCreditedReachesATicketWithAKeyboardChoiceAndAPhoto(string languageCode, string opening, long chat)
    {
        await using var bot = await TelegramHarness.StartAsync();
        var ticket = await RunDepositAsync(bot, chat, languageCode, opening);

        Assert.Equal("deposit", ticket.Category);
        Assert.Equal(Locales.FromHint(languageCode), ticket.Locale);
        Assert.Contains(ticket.Details, d => d.Id == "txid" && d.Value == TronTxId);
        Assert.NotEmpty(ticket.Attachments);
        Assert.Empty(bot.Api.Refused);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(FakeBotApi.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(TronTxId, StringComparison.Ordinal));
    }

    /// <summary>Walks the deposit flow from <paramref name="opening"/> to a confirmed ticket: the offer's button, every
    /// question answered (the screenshot as a photo), the summary's Confirm button. Returns the ticket.</summary>
    internal static async Task<Ticket> RunDepositAsync(TelegramHarness bot, long chat, string languageCode, string opening)
    {
        var locale = Locales.FromHint(languageCode)!;
        var problem = TestBot.Shipped.FindProblem("deposit")!;

        var sent = await bot.SendAsync(chat, Updates.Text(chat, opening, languageCode));
        var offer = sent.Last(c => HasButton(c, "v:needHelp"));
        // Telegram reads parse_mode without regard to case; the library sends "Html".
        Assert.Equal("HTML", (string?)offer.Parameters["parse_mode"], ignoreCase: true);

        sent = await PressAsync(bot, chat, offer, "v:needHelp", languageCode);
        var questions = 0;
        while (!sent.Any(c => HasButton(c, "v:confirm")))
        {
            Assert.True(++questions < 15, "the flow did not reach the summary");
            var asked = WebUtility.HtmlDecode(sent[^1].Text!);
            var detail = problem.Details.FirstOrDefault(d => d.Prompt is { } p && asked.Contains(p.Get(locale), StringComparison.Ordinal))
                ?? problem.Details[0];
            if (detail.Kind == "screenshots")
            {
                bot.Api.AddFile("photo-" + chat, TinyPng);
                sent = await bot.SendAsync(chat, Updates.Photo(chat, "photo-" + chat, TinyPng.Length, language: languageCode));
            }
            else
            {
                sent = await bot.SendAsync(chat, Updates.Text(chat, Answer(detail.Kind, locale), languageCode));
            }

            Assert.NotEmpty(sent);
        }

        Assert.Contains(bot.Api.Calls, c => c.Method == "getFile");
        sent = await PressAsync(bot, chat, sent.Last(c => HasButton(c, "v:confirm")), "v:confirm", languageCode);

        var tickets = await bot.Host.Get<ITicketStore>().ListTicketsForUserAsync(
            "telegram", TelegramHarness.Id(chat), TestContext.Current.CancellationToken);
        var ticket = Assert.Single(tickets);
        Assert.Equal("Alice", ticket.UserName); // the update's from.first_name, for the agents' queue
        Assert.Contains(sent, c => c.Text!.Contains(ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return ticket;
    }

    internal static async Task<IReadOnlyList<RecordedCall>> PressAsync(
        TelegramHarness bot, long chat, RecordedCall keyboardMessage, string data, string languageCode)
    {
        var before = bot.Api.Calls.Count;
        var messageId = MessageIdOf(bot, keyboardMessage);
        var sent = await bot.SendAsync(chat, Updates.Callback(chat, keyboardMessage, messageId, data, languageCode));
        var after = bot.Api.Calls.Skip(before).ToList();
        Assert.Contains(after, c => c.Method == "answerCallbackQuery");
        Assert.Contains(after, c => c.Method == "editMessageReplyMarkup" && c.Parameters["message_id"]!.GetValue<long>() == messageId
            && c.Parameters["reply_markup"] is null);
        return sent;
    }

    internal static bool HasButton(RecordedCall call, string data) =>
        call.Parameters["reply_markup"]?["inline_keyboard"] is JsonArray rows
        && rows.OfType<JsonArray>().SelectMany(r => r).Any(b => (string?)b!["callback_data"] == data);

    // The fake numbers messages per chat in call order; the keyboard message is the n-th accepted sendMessage.
    private static long MessageIdOf(TelegramHarness bot, RecordedCall call) =>
        bot.Api.Sent(call.ChatId!.Value).TakeWhile(c => c.Sequence != call.Sequence).Count() + 1;

    internal static string Answer(string kind, string locale) => kind switch
    {
        "uid" => "12345678",
        "coin" => "USDT",
        "network" => "TRC20",
        "amount" => "100",
        "txid" => TronTxId,
        "time" => locale == Locales.Supported.Chinese ? "昨天晚上九点" : "yesterday 9pm",
        "address" => TronAddress,
        _ => "12345678",
    };
}
