using System.Text.Json.Nodes;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Activities;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>A user's whole conversation in a DM, through the fake gateway and REST API.</summary>
public sealed class DirectMessageTests
{
    private const string User = "100000000000000001";
    private const string SeedPhrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Theory]
    [InlineData("en", "my deposit has not arrived")]
    [InlineData("zh-CN", "我的充值没到账")]
    public async Task ADepositConversationWithButtonsAndAScreenshotEndsInATicketAndAStaffThread(string locale, string opening)
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        var catalog = bot.Catalog;
        var problem = catalog.FindProblem("deposit")!;

        var ask = await bot.SayAsync(User, opening, t => t.Contains(bot.Text(TextKeys.SelfHelpAsk, locale), StringComparison.Ordinal));

        // The anti-impersonation promise is the first thing the bot ever says in the DM.
        Assert.Equal(bot.Text(DiscordTexts.Promise, locale), DiscordHarness.Unescape(bot.Fake.MessagesTo(dm)[0].Content!));
        var buttons = ask.Body!["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).ToList();
        Assert.Contains(buttons, b => b!["custom_id"]!.GetValue<string>() == "c:needHelp");
        Assert.All(buttons, b => Assert.InRange(b!["custom_id"]!.GetValue<string>().Length, 1, 100));
        Assert.Empty(ask.Body!["allowed_mentions"]!["parse"]!.AsArray());

        var prompts = problem.Details.ToDictionary(d => d.Id, d => Prompt(bot, d, locale));
        var next = await bot.ClickAsync(User, ask, "c:needHelp", locale, t => prompts.Values.Any(p => t.Contains(p, StringComparison.Ordinal)));

        // The click was answered with the same message, its buttons disabled.
        var callback = bot.Fake.Requests.Last(r => r.Template.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal(7, callback.Body!["type"]!.GetValue<int>());
        Assert.All(callback.Body!["data"]!["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()),
            b => Assert.True(b!["disabled"]!.GetValue<bool>()));

        var confirm = bot.Text(TextKeys.ConfirmPrompt, locale);
        var answered = new HashSet<string>();
        while (!DiscordHarness.Unescape(next.Content!).Contains(confirm, StringComparison.Ordinal))
        {
            var text = DiscordHarness.Unescape(next.Content!);
            var detail = problem.Details.First(d => !answered.Contains(d.Id) && text.Contains(prompts[d.Id], StringComparison.Ordinal));
            answered.Add(detail.Id);
            Func<string, bool> moved = t => t.Contains(confirm, StringComparison.Ordinal)
                || problem.Details.Any(d => !answered.Contains(d.Id) && t.Contains(prompts[d.Id], StringComparison.Ordinal));
            next = detail.Kind == SlotKinds.Screenshots
                ? await bot.SayAsync(User, "", moved, [bot.Fake.Attachment("transfer.png")])
                : await bot.SayAsync(User, SampleAnswers.For(detail, locale), moved);
        }

        Assert.Contains("screenshots", answered);
        var created = await bot.ClickAsync(User, next, "c:confirm", locale, t => t.Contains('#'));

        var ticket = Assert.Single(await bot.Get<ITicketStore>().ListTicketsForUserAsync("discord", User, TestContext.Current.CancellationToken));
        Assert.Equal("deposit", ticket.Category);
        Assert.Equal(locale, ticket.Locale);
        Assert.Contains(ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), DiscordHarness.Unescape(created.Content!), StringComparison.Ordinal);
        Assert.Contains(ticket.Details, d => d.Id == "uid" && d.Value == "12345678");

        // The staff side got a thread with the summary.
        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Route == "POST /channels/{channel_id}/threads"), TestContext.Current.CancellationToken);
        var thread = bot.Fake.Requests.Single(r => r.Route == "POST /channels/{channel_id}/threads");
        Assert.Equal(FakeDiscord.StaffChannelId, thread.Segment(1));

        Assert.Empty(bot.Fake.Violations);
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains(FakeDiscord.Token, StringComparison.Ordinal)
            || l.Contains(SampleAnswers.TronTxId, StringComparison.Ordinal) || l.Contains("signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedAndUnknownEventsAreSkippedAndTheNextMessageStillWorks()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.Fake.DispatchAsync("SOME_NEW_EVENT", new JsonObject { ["whatever"] = 1 });
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", new JsonObject { ["id"] = 5, ["author"] = "not an object, seed words here" });

        await bot.SayAsync(User, "hello", t => t.Contains(bot.Text(TextKeys.Greeting, "en"), StringComparison.Ordinal));

        Assert.Contains(bot.Log.Lines, l => l.Contains("malformed MESSAGE_CREATE", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains("seed words here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFloodFromOneUserIsAnsweredOnceWithASlowDownAndHeardAgainAfterTheWindow()
    {
        await using var bot = await DiscordHarness.StartAsync(settings: s => s["Discord:FloodLimit"] = "3");
        var dm = FakeDiscord.DmChannelOf(User);
        var key = new ConversationKey("discord", dm);
        var handled = bot.InboundWork(6);
        for (var i = 0; i < 6; i++)
        {
            await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "hello " + i));
        }

        // All six handled before the clock moves: otherwise a late one would fall into the next window and be heard.
        await handled;
        var flood = bot.Text(DiscordTexts.Flood, "en");
        Assert.Single(bot.Fake.MessagesTo(dm), m => DiscordHarness.Unescape(m.Content!) == flood);
        var heard = (await bot.Get<IConversationStore>().GetTranscriptAsync(key, 1, TestContext.Current.CancellationToken))
            .Where(l => l.Direction == TranscriptDirection.User).Select(l => l.Text).ToList();
        Assert.Equal(["hello 0", "hello 1", "hello 2"], heard);

        // After the window the user is heard again: "help" gets the help text, and no second slow-down.
        bot.Clock.Advance(TimeSpan.FromSeconds(11));
        await bot.SayAsync(User, "help", t => t.Contains(bot.Text(TextKeys.Help, "en")[..20], StringComparison.Ordinal));
        Assert.Single(bot.Fake.MessagesTo(dm), m => DiscordHarness.Unescape(m.Content!) == flood);
        Assert.Contains(
            await bot.Get<IConversationStore>().GetTranscriptAsync(key, 1, TestContext.Current.CancellationToken),
            l => l.Direction == TranscriptDirection.User && l.Text == "help");
    }

    [Fact]
    public async Task AClickIsAcknowledgedAtOnceEvenWhileTheConversationIsBusy()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);

        // The first message's reply is held by a 7 s rate limit: the conversation's queue is stuck behind it.
        bot.Fake.FailNext("POST /channels/{channel_id}/messages", new ScriptedFailure(429, RetryAfterSeconds: 7));
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "hello"));
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);

        var buttons = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["components"] = new JsonArray(
                new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Deposit", ["custom_id"] = "c:deposit" },
                new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Withdrawal", ["custom_id"] = "c:withdrawal" }),
        });
        await bot.Fake.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Click(bot.Fake.NextId(), dm, User, "c:deposit", buttons, "en-US"));

        // Discord's 3 seconds: the answer (the buttons, disabled) goes out with the clock standing still.
        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Template.StartsWith("/interactions/", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        var callback = bot.Fake.Requests.Single(r => r.Template.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal(7, callback.Body!["type"]!.GetValue<int>());
        var disabled = callback.Body!["data"]!["components"]!.AsArray().SelectMany(r => r!["components"]!.AsArray()).ToList();
        Assert.All(disabled, b => Assert.True(b!["disabled"]!.GetValue<bool>()));
        Assert.Equal(3, disabled.Single(b => b!["custom_id"]!.GetValue<string>() == "c:deposit")!["style"]!.GetValue<int>());
        Assert.Empty(bot.Fake.MessagesTo(dm));

        bot.Clock.Advance(TimeSpan.FromSeconds(7));
        await bot.ExpectAsync(dm, 0, t => t == bot.Text(DiscordTexts.Promise, "en"));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task ASeedPhraseInADmCannotBeDeletedSoTheUserIsAskedToDeleteIt()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        await bot.SayAsync(User, "hello", _ => true);

        await bot.SayAsync(User, SeedPhrase, t => t.Contains(bot.Text(TextKeys.DeleteNotSupported, "en"), StringComparison.Ordinal));

        // Discord lets no one delete the other side's DM messages: nothing is attempted.
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Method == "DELETE");
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains("abandon abandon", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Fake.MessagesTo(dm), m => m.Content!.Contains("abandon abandon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASeedPhrasePostedInAServerChannelIsDeletedWithAWarning()
    {
        await using var bot = await DiscordHarness.StartAsync();
        const string Channel = "900000000000000020";
        var id = bot.Fake.NextId();

        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(id, Channel, User, "my wallet words: " + SeedPhrase));

        var warning = bot.Catalog.Text(DiscordTexts.SecretDeleted).Format("en", ("user", "<@" + User + ">"));
        var posted = await bot.ExpectAsync(Channel, 0, t => t == warning);
        var delete = Assert.Single(bot.Fake.Requests, r => r.Method == "DELETE");
        Assert.Equal("/channels/" + Channel + "/messages/" + id, delete.Path);
        Assert.True(bot.Fake.Requests.ToList().IndexOf(delete) < bot.Fake.Requests.ToList().IndexOf(posted), "the warning came before the deletion");
        Assert.Empty(posted.Body!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains("abandon abandon", StringComparison.Ordinal));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task ASeedPhraseAddedByEditingADmIsCaughtAndTheUserAskedToDeleteIt()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        await bot.SayAsync(User, "hello", _ => true);
        var id = bot.Fake.NextId();
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(id, dm, User, "my deposit is missing"));
        var before = bot.Fake.MessagesTo(dm).Count;

        var edit = FakeDiscord.DmMessage(id, dm, User, "my deposit is missing, my words: " + SeedPhrase);
        edit["edited_timestamp"] = "2026-12-04T10:00:00.000000+00:00";
        await bot.Fake.DispatchAsync("MESSAGE_UPDATE", edit);

        await bot.ExpectAsync(dm, before, t => t.Contains(bot.Text(TextKeys.DeleteNotSupported, "en"), StringComparison.Ordinal));
        var transcript = await bot.Get<IConversationStore>().GetTranscriptAsync(
            new ConversationKey("discord", dm), 1, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(transcript, l => l.Text.Contains("abandon abandon", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains("abandon abandon", StringComparison.Ordinal));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task AnEditThatAddsASecretInAServerChannelIsTakenDown_WhileAnUpdateWithoutTextIsIgnored()
    {
        await using var bot = await DiscordHarness.StartAsync();
        const string Channel = "900000000000000021";
        var id = bot.Fake.NextId();
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(id, Channel, User, "anyone else waiting on a deposit?"));
        var unfurl = FakeDiscord.GuildMessage(id, Channel, User, "");
        unfurl.Remove("content");
        await bot.Fake.DispatchAsync("MESSAGE_UPDATE", unfurl);

        var edit = FakeDiscord.GuildMessage(id, Channel, User, "anyone else waiting? my words: " + SeedPhrase);
        edit["edited_timestamp"] = "2026-12-04T10:00:00.000000+00:00";
        await bot.Fake.DispatchAsync("MESSAGE_UPDATE", edit);

        var warning = bot.Catalog.Text(DiscordTexts.SecretDeleted).Format("en", ("user", "<@" + User + ">"));
        await bot.ExpectAsync(Channel, 0, t => t == warning);
        var delete = Assert.Single(bot.Fake.Requests, r => r.Method == "DELETE");
        Assert.Equal("/channels/" + Channel + "/messages/" + id, delete.Path);
        Assert.Single(bot.Fake.MessagesTo(Channel));
        Assert.Empty(bot.Fake.Violations);
    }

    private static string Prompt(DiscordHarness bot, DetailDefinition detail, string locale) =>
        detail.Prompt?.Get(locale) ?? bot.Text(TextKeys.Prompt(detail.Kind), locale);
}
