using System.Net;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>Users edit messages: the new text is read by the safety guard with the conversation's context, like a new
/// message, so a secret added by editing is removed while a TXID given where the bot asked for one stays a TXID.</summary>
public sealed class EditedMessageTests
{
    private const string SeedPhrase =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public async Task ASeedPhraseAddedByEditingIsDeletedAndKeptNowhere()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8101;
        await bot.SendAsync(chat, Updates.Text(chat, "hello"));
        await bot.SendAsync(chat, Updates.Text(chat, "my words are below", messageId: 9911));
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method == "deleteMessage");

        var sent = await bot.SendAsync(chat, Updates.Edited(chat, 9911, "my words are " + SeedPhrase));

        var delete = Assert.Single(bot.Api.Calls, c => c.Method == "deleteMessage");
        Assert.Equal(chat, delete.ChatId);
        Assert.Equal(9911, delete.Parameters["message_id"]!.GetValue<long>());
        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, c => c.Text!.Contains("abandon abandon", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("abandon abandon", StringComparison.Ordinal));
        var transcript = await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(transcript, l => l.Text.Contains("abandon abandon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditedTxidIsATxidWhereTheBotAskedForOneAndAKeyWhereItDidNot()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 8102;

        // Out of context a bare 64-hex string is a private key: the edit that adds it is deleted.
        await bot.SendAsync(chat, Updates.Text(chat, "hello", messageId: 9920));
        await bot.SendAsync(chat, Updates.Edited(chat, 9920, DepositConversationTests.TronTxId));
        Assert.Single(bot.Api.Calls, c => c.Method == "deleteMessage"
            && c.Parameters["message_id"]!.GetValue<long>() == 9920);

        // Where the deposit flow asks for the TXID, the same text given by editing is the answer, and stays.
        var problem = TestBot.Shipped.FindProblem("deposit")!;
        var sent = await bot.SendAsync(chat, Updates.Text(chat, "my deposit has not arrived"));
        sent = await DepositConversationTests.PressAsync(bot, chat, sent.Last(c => DepositConversationTests.HasButton(c, "v:needHelp")), "v:needHelp", "en");
        for (var questions = 0; ; questions++)
        {
            Assert.True(questions < 15, "the flow never asked for the TXID");
            var asked = WebUtility.HtmlDecode(sent[^1].Text!);
            var detail = problem.Details.FirstOrDefault(d => d.Prompt is { } p && asked.Contains(p.Get("en"), StringComparison.Ordinal))
                ?? problem.Details[0];
            if (detail.Kind == "txid")
            {
                break;
            }

            if (detail.Kind == "screenshots")
            {
                bot.Api.AddFile("photo-" + chat, DepositConversationTests.TinyPng);
                sent = await bot.SendAsync(chat, Updates.Photo(chat, "photo-" + chat, DepositConversationTests.TinyPng.Length));
            }
            else
            {
                sent = await bot.SendAsync(chat, Updates.Text(chat, DepositConversationTests.Answer(detail.Kind, "en")));
            }
        }

        await bot.SendAsync(chat, Updates.Text(chat, "wait, wrong one", messageId: 9921));
        var answered = await bot.SendAsync(chat, Updates.Edited(chat, 9921, DepositConversationTests.TronTxId));

        Assert.NotEmpty(answered);
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method == "deleteMessage" && c.Parameters["message_id"]!.GetValue<long>() == 9921);
        var transcript = await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        Assert.Contains(transcript, l => l.Direction == TranscriptDirection.User && l.Text == DepositConversationTests.TronTxId);
        var keyWarning = TestBot.Shipped.Text(TextKeys.DeleteFailed).Get("en");
        Assert.DoesNotContain(answered, c => WebUtility.HtmlDecode(c.Text!) == keyWarning);
    }

    [Fact]
    public async Task AnEditInAGroupIsIgnored()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long group = -1008103;
        var edit = Updates.Edited(group, 77, "@" + FakeBotApi.BotUsername + " my words are " + SeedPhrase);
        edit["edited_message"]!["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = group, ["type"] = "supergroup", ["title"] = "Traders" };
        edit["edited_message"]!["from"] = Updates.User(8103);

        Assert.Empty(await bot.SendAsync(group, edit));
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method is "sendMessage" or "deleteMessage" or "sendChatAction");
    }
}
