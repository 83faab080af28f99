using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Storage;
using SupportBot.Testing.Ai;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>The optional AI's summary in the ticket's staff thread: posted, labelled and escaped, once the fake model
/// (real HTTP on loopback) has written it; never with AI off.</summary>
public sealed class AiSummaryThreadTests
{
    private const string User = "100000000000000031";

    [Fact]
    public async Task TheModelsSummaryIsPostedInTheTicketsThreadLabelledAndEscaped()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.AnswerText = "The user wants a *human* about a deposit. Nothing else is known yet.";
        await using var bot = await StartAsync(model, enabled: true);

        var (_, thread) = await OpenTicketAsync(bot);

        var expected = bot.Catalog.Text(DiscordTexts.ThreadAiSummary).Format("en", ("summary", model.AnswerText));
        var posted = await bot.ExpectAsync(thread, 0, t => t == expected);
        Assert.StartsWith("**AI summary**", posted.Content!, StringComparison.Ordinal);
        Assert.Contains(@"\*human\*", posted.Content!, StringComparison.Ordinal); // the model's markdown is shown as typed
        Assert.Single(model.Requests);
        Assert.DoesNotContain(bot.Fake.MessagesTo(FakeDiscord.DmChannelOf(User)),
            m => DiscordHarness.Unescape(m.Content ?? "").Contains("Nothing else is known yet", StringComparison.Ordinal));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task WithAiOffTheThreadGetsNoSummaryAndTheModelNoCall()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var bot = await StartAsync(model, enabled: false);
        var (number, thread) = await OpenTicketAsync(bot);

        // Staff answer and the user's reply reaches the thread, so every event before it has been handled.
        await bot.AddAgentAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        var dmBefore = bot.Fake.MessagesTo(dm).Count;
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(
            bot.Fake.NextId(), thread, DiscordHarness.AgentUserId, "Hello, I am looking at it.", FakeDiscord.StaffRoleId));
        await bot.ExpectAsync(dm, dmBefore, t => t.Contains("I am looking at it", StringComparison.Ordinal));
        var before = bot.Fake.MessagesTo(thread).Count;
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "Thanks! The deposit was 250 USDT."));
        await bot.ExpectAsync(thread, before, t => t.Contains("Thanks! The deposit was 250 USDT.", StringComparison.Ordinal));

        Assert.Empty(model.Requests);
        Assert.DoesNotContain(bot.Fake.MessagesTo(thread), m => (m.Content ?? "").Contains("AI summary", StringComparison.Ordinal));
        Assert.Null((await bot.Get<ITicketStore>().GetTicketAsync(number, TestContext.Current.CancellationToken))!.Summary);
    }

    private static Task<DiscordHarness> StartAsync(FakeOpenAiServer model, bool enabled) =>
        DiscordHarness.StartAsync(settings: s =>
        {
            s["AI:Enabled"] = enabled ? "true" : "false";
            s["AI:Endpoint"] = model.Endpoint;
            s["AI:Model"] = "fake-model";
        });

    private static async Task<(long Ticket, string Thread)> OpenTicketAsync(DiscordHarness bot)
    {
        await bot.SayAsync(User, "hello", _ => true);
        await bot.SayAsync(User, "human", t => t.Contains('#'));
        var ticket = Assert.Single(await bot.Get<ITicketStore>().ListTicketsForUserAsync("discord", User, TestContext.Current.CancellationToken));
        var state = bot.Get<IChannelStateStore>();
        string? thread = null;
        await bot.Fake.WaitForAsync(_ => (thread = state.GetTicketLinkAsync("discord", ticket.Number).Result) is not null
            && bot.Fake.MessagesTo(thread).Count > 0, TestContext.Current.CancellationToken);
        return (ticket.Number, thread!);
    }
}
