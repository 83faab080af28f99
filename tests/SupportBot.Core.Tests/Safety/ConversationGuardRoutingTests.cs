using Moq;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Safety;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Safety;

/// <summary>The guard across messages, through the real router, dialogs and store: a seed phrase sent in pieces
/// never reaches the store, the alarm fires when the pieces complete it and every piece's message is deleted; a
/// TXID at the compromised flow's TXID step is a TXID; a too-long message is stored as its refusal.</summary>
public class ConversationGuardRoutingTests
{
    private static readonly string[] English = SeedPhraseCorpus.PublishedVectors[2].Words;
    private static readonly string[] Chinese = new SecretFixtures(11).Phrase(Bip39Wordlists.Simplified, 0);

    public static TheoryData<string, string[]> Splits() => new()
    {
        { "6+6", [Join(English[..6]), Join(English[6..12])] },
        { "4+4+4", [Join(English[..4]), Join(English[4..8]), Join(English[8..12])] },
        { "one word per message", English[..12] },
        { "cue then words", ["my seed phrase is", Join(English[..6]), Join(English[6..12])] },
        { "numbered halves", ["1. " + string.Join(" ", English[..6].Select((w, i) => $"{i + 2}.{w}")), Join(English[6..12])] },
        { "Chinese 6+6", [string.Concat(Chinese[..6]), string.Concat(Chinese[6..12])] },
        { "Chinese apart 6+6", [string.Join(" ", Chinese[..6]), string.Join(" ", Chinese[6..12])] },
        { "Chinese cue then words", ["我的助记词是", string.Concat(Chinese[..6]), string.Concat(Chinese[6..12])] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public async Task A_seed_phrase_split_over_messages_is_never_stored_and_alarms_when_complete(string name, string[] parts)
    {
        var deleted = new List<string>();
        var channel = new Mock<IChannelClient>();
        channel.SetupGet(c => c.Channel).Returns("test");
        channel.Setup(c => c.DeleteMessageAsync(It.IsAny<ConversationKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<ConversationKey, string, CancellationToken>((_, id, _) => deleted.Add(id))
            .ReturnsAsync(DeleteOutcome.Deleted);
        var bot = new TestBot(channels: [channel.Object]);
        var chat = bot.Conversation(locale: "en");
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");

        var ids = new List<string>();
        var replies = new List<string>();
        foreach (var part in parts)
        {
            var activity = chat.Activity(part);
            ids.Add(activity.MessageId!);
            await chat.SendActivityAsync(activity);
            replies.AddRange(chat.Replies.Select(r => r.Text));
        }

        var warning = bot.Catalog.Text(TextKeys.Warning(SecretKind.SeedPhrase));
        var advice = bot.Catalog.Text(TextKeys.CompromisedAdvice);
        Assert.True(replies.Any(r => r == warning.Get("en") || r == warning.Get("zh-CN")), name + ": no alarm");
        Assert.True(replies.Any(r => r == advice.Get("en") || r == advice.Get("zh-CN")), name + ": no advice");

        // Every piece's message was deleted from the channel (the cue alone is no piece).
        var pieceIds = ids.Where((_, i) => !parts[i].Contains("seed phrase", StringComparison.Ordinal)
            && !parts[i].Contains("助记词", StringComparison.Ordinal));
        Assert.All(pieceIds, id => Assert.Contains(id, deleted));

        var stored = await StoredTextAsync(bot, chat);
        var words = parts[0].Any(char.IsAsciiLetter) || parts.Length > 1 && parts[1].Any(char.IsAsciiLetter)
            ? English[..12]
            : Chinese[..12];
        Assert.All(words.Where(w => w.Length > 1 || !"的是我".Contains(w, StringComparison.Ordinal)), w =>
            Assert.False(ContainsWord(stored, w), $"{name}: '{w}' reached the store"));
        Assert.True(ConversationStateSerializer.Deserialize(
            (await bot.Store.LoadAsync(chat.Key, TestContext.Current.CancellationToken))!.State).SecretExposed,
            name + ": exposure not recorded");
    }

    [Fact]
    public async Task Ordinary_short_answers_between_flows_are_stored_as_written()
    {
        var bot = new TestBot();
        var chat = bot.Conversation(locale: "en");
        foreach (var message in (string[])["can you help", "please help", "okay thank you", "human agent", "hello", "what now"])
        {
            await chat.SendAsync(message);
        }

        var stored = await StoredTextAsync(bot, chat);
        Assert.Contains("can you help", stored, StringComparison.Ordinal);
        Assert.Contains("okay thank you", stored, StringComparison.Ordinal);
        Assert.Contains("human agent", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Catalog.Text(TextKeys.SeedWordsRemoved).Get("en"), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_piece_alone_is_held_with_a_notice_and_no_wallet_alarm()
    {
        var bot = new TestBot();
        var chat = bot.Conversation(locale: "en");
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");

        await chat.SendAsync(Join(English[..4]));

        Assert.Contains(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.SeedWordsHeld).Get("en"));
        Assert.DoesNotContain(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.CompromisedAdvice).Get("en"));
        Assert.Equal("uid", chat.Last.StepId);
        var stored = await StoredTextAsync(bot, chat);
        Assert.DoesNotContain(English[0], stored, StringComparison.Ordinal);
        Assert.Contains(bot.Catalog.Text(TextKeys.SeedWordsRemoved).Get("en"), stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")]
    [InlineData("5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\n9a1f2e3d4c5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607")]
    public async Task A_TXID_at_the_compromised_flows_TXID_step_is_kept_without_an_alarm(string txids)
    {
        var bot = new TestBot();
        var chat = await AtSuspiciousTxidsAsync(bot);

        await chat.SendAsync(txids);

        Assert.DoesNotContain(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.CompromisedAdvice).Get("en"));
        Assert.DoesNotContain(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.Warning(SecretKind.PrivateKey)).Get("en"));
        Assert.NotEqual("txids", chat.Last.StepId);
        var stored = await StoredTextAsync(bot, chat);
        Assert.Contains(txids.Split('\n')[^1], stored, StringComparison.Ordinal);
        Assert.False(ConversationStateSerializer.Deserialize(
            (await bot.Store.LoadAsync(chat.Key, TestContext.Current.CancellationToken))!.State).SecretExposed);
    }

    [Fact]
    public async Task A_hex_value_labelled_as_a_private_key_at_the_TXID_step_still_alarms()
    {
        var bot = new TestBot();
        var chat = await AtSuspiciousTxidsAsync(bot);

        await chat.SendAsync("private key: 5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060");

        Assert.Contains(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.CompromisedAdvice).Get("en"));
        Assert.DoesNotContain("5c504ed4", await StoredTextAsync(bot, chat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_hex_value_elsewhere_is_removed_with_the_TXID_advice_not_the_wallet_alarm()
    {
        var bot = new TestBot();
        var chat = bot.Conversation(locale: "en");
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");

        await chat.SendAsync("5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060");

        Assert.Contains(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.Warning(SecretKind.KeyOrHash)).Get("en"));
        Assert.DoesNotContain(chat.Replies, r => r.Text == bot.Catalog.Text(TextKeys.CompromisedAdvice).Get("en"));
        Assert.DoesNotContain("5c504ed4", await StoredTextAsync(bot, chat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_stored_as_its_refusal()
    {
        var bot = new TestBot(options: new EngineOptions { MaxMessageLength = 200 });
        var chat = bot.Conversation(locale: "en");
        var longText = "my deposit is missing " + string.Concat(Enumerable.Repeat("UNIQUEFILLER ", 40));

        await chat.SendAsync(longText);

        var stored = await StoredTextAsync(bot, chat);
        Assert.DoesNotContain("UNIQUEFILLER", stored, StringComparison.Ordinal);
        Assert.Contains(bot.Catalog.Text(TextKeys.TooLongRemoved).Get("en"), stored, StringComparison.Ordinal);
    }

    private static async Task<TestConversation> AtSuspiciousTxidsAsync(TestBot bot)
    {
        var chat = bot.Conversation(locale: "en");
        await chat.SendAsync("my account was hacked, someone withdrew my USDT");
        await chat.ChooseAsync("needHelp");
        await chat.SendAsync("48213377");
        await chat.SendAsync("1 hour ago");
        Assert.Equal("txids", chat.Last.StepId);
        return chat;
    }

    private static async Task<string> StoredTextAsync(TestBot bot, TestConversation chat)
    {
        var ct = TestContext.Current.CancellationToken;
        var transcript = await bot.Store.GetTranscriptAsync(chat.Key, 1, ct);
        var stored = await bot.Store.LoadAsync(chat.Key, ct);
        var state = stored is null ? "" : System.Text.Encoding.UTF8.GetString(stored.State);
        return string.Join("\n", transcript.Select(l => l.Text)) + "\n" + state;
    }

    private static bool ContainsWord(string text, string word) =>
        word.Any(char.IsAsciiLetter)
            ? System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{word}\b")
            : text.Contains(word, StringComparison.Ordinal);

    private static string Join(IEnumerable<string> words) => string.Join(' ', words);
}
