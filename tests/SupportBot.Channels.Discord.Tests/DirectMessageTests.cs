using System.Text.Json.Nodes;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>A user's whole conversation in a DM, through the fake gateway and REST API.</summary>
public sealed class DirectMessageTests
{
    private const string User = "100000000000000001";

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
    public async Task AFloodFromOneUserIsAnsweredOnceWithASlowDown()
    {
        await using var bot = await DiscordHarness.StartAsync(settings: s => s["Discord:FloodLimit"] = "3");
        var dm = FakeDiscord.DmChannelOf(User);
        for (var i = 0; i < 6; i++)
        {
            await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "hello " + i));
        }

        var flood = bot.Text(DiscordTexts.Flood, "en");
        await bot.Fake.WaitForAsync(f => f.MessagesTo(dm).Any(m => DiscordHarness.Unescape(m.Content!) == flood), TestContext.Current.CancellationToken);

        Assert.Single(bot.Fake.MessagesTo(dm), m => DiscordHarness.Unescape(m.Content!) == flood);
    }

    private static string Prompt(DiscordHarness bot, DetailDefinition detail, string locale) =>
        detail.Prompt?.Get(locale) ?? bot.Text(TextKeys.Prompt(detail.Kind), locale);
}
