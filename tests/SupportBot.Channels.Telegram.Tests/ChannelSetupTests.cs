using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Channels.Telegram.Delivery;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Testing;
using SupportBot.Testing.Web;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>Configuration, start-up and the small pure parts (HTML, splitting, pacing, the fake's spec check).</summary>
public sealed class ChannelSetupTests
{
    [Fact]
    public async Task WithoutATokenTheChannelIsNotRegistered()
    {
        await using var host = await RunningHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.DoesNotContain(host.Get<IEnumerable<IChannelClient>>(), c => c.Channel == "telegram");
    }

    [Fact]
    public async Task StartUpSaysWhoTheBotIsAndInWhichMode()
    {
        await using var bot = await TelegramHarness.StartAsync();
        await bot.Api.WaitUntilAsync(
            () => bot.Logs.Lines.Any(l => l.Contains("@" + FakeBotApi.BotUsername, StringComparison.Ordinal) && l.Contains("Polling mode", StringComparison.Ordinal)),
            what: "the start-up line");
        Assert.Contains(bot.Host.Get<IEnumerable<IChannelClient>>(), c => c.Channel == "telegram");
    }

    [Theory]
    [InlineData("Mode", "Webhook", "Telegram:WebhookUrl")]
    [InlineData("BotToken", "no-colon-token", "Telegram:BotToken")]
    [InlineData("AgentChatId", "42", "Telegram:AgentChatId")]
    [InlineData("MaxFileBytes", "999999999", "Telegram:MaxFileBytes")]
    public void InvalidSettingsFailNamingTheKey(string key, string value, string named)
    {
        var options = new TelegramOptions { BotToken = "1:abc" };
        switch (key)
        {
            case "Mode": options.Mode = TelegramMode.Webhook; break;
            case "BotToken": options.BotToken = value; break;
            case "AgentChatId": options.AgentChatId = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.MaxFileBytes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = new TelegramOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostWithABadTelegramSectionDoesNotStart()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Telegram:BotToken"] = "1:abc", ["Telegram:Mode"] = "Webhook" },
            cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Telegram:WebhookUrl", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1:abc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTelegramTextExistsInBothLanguagesAndAMissingOneIsNamed()
    {
        TelegramTexts.Check(TestBot.Shipped);
        var texts = TestBot.Shipped.Texts.Where(t => t.Key != TelegramTexts.FileTooLarge).ToDictionary();
        var broken = new DialogCatalog(TestBot.Shipped.Problems, texts, TestBot.Shipped.Commands, TestBot.Shipped.Knowledge);
        var ex = Assert.Throws<InvalidOperationException>(() => TelegramTexts.Check(broken));
        Assert.Contains(TelegramTexts.FileTooLarge, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplittingKeepsSurrogatePairsAndPrefersLineBreaks()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 3000)); // 6000 UTF-16 units
        var parts = TelegramHtml.Split(emoji);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(emoji, string.Concat(parts));

        var lines = string.Join("\n", Enumerable.Repeat(new string('a', 99), 60)); // 5999 characters
        var byLine = TelegramHtml.Split(lines);
        Assert.Equal(2, byLine.Count);
        Assert.All(byLine, p => Assert.EndsWith("a", p, StringComparison.Ordinal));
        Assert.Equal("&lt;script&gt;alert(&quot;x&quot;) &amp; co", TelegramHtml.Escape("<script>alert(\"x\") & co"));
    }

    [Fact]
    public async Task PacingWaitsOneSecondPerChatButNotAcrossChats()
    {
        var time = new ManualTimeProvider();
        var limiter = new RateLimiter(time, 1, 30);
        await limiter.WaitAsync(1, TestContext.Current.CancellationToken);
        var secondInSameChat = limiter.WaitAsync(1, TestContext.Current.CancellationToken);
        var otherChat = limiter.WaitAsync(2, TestContext.Current.CancellationToken);

        // The other chat only waits for the overall pace (1/30 s per message), not for chat 1's second.
        time.Advance(TimeSpan.FromMilliseconds(100));
        await otherChat.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(secondInSameChat.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(899));
        Assert.False(secondInSameChat.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await secondInSameChat.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void TheFakeRefusesWhatTheSpecDoesNotDefine()
    {
        var spec = BotApiSpec.Instance;
        Assert.True(spec.MethodCount > 100);
        Assert.Null(spec.Check("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "x" }));
        Assert.NotNull(spec.Check("sendMessag", new JsonObject()));
        Assert.NotNull(spec.Check("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "x", ["reply_to_message_idd"] = 2 }));
        Assert.NotNull(spec.Check("sendMessage", new JsonObject { ["chat_id"] = 1 }));
        Assert.NotNull(spec.Check("sendMessage", new JsonObject
        {
            ["chat_id"] = 1,
            ["text"] = "x",
            ["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "a", ["data"] = "b" })) },
        }));

        // Simple values must have the field's type (a number as a string is read, as Telegram does), and the values
        // the API's text lists (parse_mode in any case, chat actions) are checked.
        Assert.NotNull(spec.Check("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "x", ["message_thread_id"] = "seven" }));
        Assert.NotNull(spec.Check("sendMessage", new JsonObject { ["chat_id"] = true, ["text"] = "x" }));
        Assert.NotNull(spec.Check("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "x", ["link_preview_options"] = "yes" }));
        Assert.Null(spec.Check("sendMessage", new JsonObject { ["chat_id"] = "-1001", ["text"] = "x", ["parse_mode"] = "Html" }));
        Assert.NotNull(spec.Check("sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "x", ["parse_mode"] = "Htm" }));
        Assert.Null(spec.Check("sendChatAction", new JsonObject { ["chat_id"] = 1, ["action"] = "typing" }));
        Assert.NotNull(spec.Check("sendChatAction", new JsonObject { ["chat_id"] = 1, ["action"] = "Typing" }));
        Assert.Null(spec.Check("sendMessage", new JsonObject
        {
            ["chat_id"] = 1,
            ["text"] = "x",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}""",
        }));
    }

    [Fact]
    public async Task ADuplicateUpdateIsHandledOnce()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 9501;
        var update = Updates.Text(chat, "hello").Also(u => u["update_id"] = 60001);
        bot.Api.Enqueue(update.DeepClone().AsObject());
        await bot.SendAsync(chat, update);

        var transcript = await bot.Host.Get<Core.Storage.IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        Assert.Single(transcript, l => l.Direction == Core.Storage.TranscriptDirection.User);
    }
}
