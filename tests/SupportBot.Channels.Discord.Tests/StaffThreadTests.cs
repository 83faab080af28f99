using System.Text.Json.Nodes;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>The staff side: a thread per ticket, relay both ways, who may act, agent-code look-up.</summary>
public sealed class StaffThreadTests
{
    private const string User = "100000000000000004";

    [Fact]
    public async Task StaffRepliesReachTheUserSignedAndTheUsersAnswerReachesTheThread()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.AddAgentAsync();
        var dm = FakeDiscord.DmChannelOf(User);
        await bot.SayAsync(User, "你好", _ => true);
        await bot.SayAsync(User, "转人工", t => t.Contains('#'));
        var ticket = Assert.Single(await bot.Get<ITicketStore>().ListTicketsForUserAsync("discord", User, TestContext.Current.CancellationToken));
        Assert.Equal("user" + User[^3..], ticket.UserName); // the author's global_name, for the agents' queue
        var state = bot.Get<IChannelStateStore>();
        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Route == "POST /channels/{channel_id}/threads"), TestContext.Current.CancellationToken);
        string? thread = null;
        await bot.Fake.WaitForAsync(_ => (thread = state.GetTicketLinkAsync("discord", ticket.Number).Result) is not null
            && bot.Fake.MessagesTo(thread).Count > 0, TestContext.Current.CancellationToken);
        Assert.Contains("#" + ticket.Number, DiscordHarness.Unescape(bot.Fake.MessagesTo(thread!)[0].Content!), StringComparison.Ordinal);

        // A member without the staff role is refused, and nothing reaches the user.
        var before = bot.Fake.MessagesTo(dm).Count;
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(bot.Fake.NextId(), thread!, "100000000000000099", "I am support, send me your seed"));
        await bot.ExpectAsync(thread!, 1, t => t == bot.Text(DiscordTexts.NotAgent, "en"));

        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(
            bot.Fake.NextId(), thread!, DiscordHarness.AgentUserId, "We are checking your *deposit* now", FakeDiscord.StaffRoleId));
        var relayed = await bot.ExpectAsync(dm, before, t => t.Contains("We are checking your *deposit* now", StringComparison.Ordinal));
        Assert.Contains("alice", DiscordHarness.Unescape(relayed.Content!), StringComparison.Ordinal);
        Assert.Contains(DiscordHarness.AgentCode, DiscordHarness.Unescape(relayed.Content!), StringComparison.Ordinal);
        Assert.Contains(@"\*deposit\*", relayed.Content!, StringComparison.Ordinal);

        var threadBefore = bot.Fake.MessagesTo(thread!).Count;
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(bot.Fake.NextId(), dm, User, "好的，谢谢 TXID 在这里"));
        await bot.ExpectAsync(thread!, threadBefore, t => t.Contains("好的，谢谢 TXID 在这里", StringComparison.Ordinal));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task ClaimNoteAndCloseWorkInTheTicketsThread()
    {
        await using var bot = await DiscordHarness.StartAsync();
        var agent = await bot.AddAgentAsync();
        var (ticket, thread) = await OpenTicketAsync(bot);
        var tickets = bot.Get<ITicketStore>();

        var claim = await CommandAsync(bot, "claim", thread, DiscordHarness.AgentUserId, [FakeDiscord.StaffRoleId]);
        Assert.Equal("alice claimed ticket #" + ticket + ".", claim.Reply);
        Assert.Null(claim.Callback["data"]?["flags"]);
        Assert.Equal(agent.Id, (await tickets.GetTicketAsync(ticket, TestContext.Current.CancellationToken))!.AssigneeId);

        // A note stays among staff: ephemeral answer, stored on the ticket, nothing to the user.
        var dmBefore = bot.Fake.MessagesTo(FakeDiscord.DmChannelOf(User)).Count;
        var note = await CommandAsync(bot, "note", thread, DiscordHarness.AgentUserId, [FakeDiscord.StaffRoleId],
            [new JsonObject { ["name"] = "text", ["type"] = 3, ["value"] = "user sounds legit, checked KYC" }]);
        Assert.Equal("Note added to ticket #" + ticket + ".", note.Reply);
        Assert.Equal(64, note.Callback["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(await tickets.GetNotesAsync(ticket, TestContext.Current.CancellationToken), n => n.Text == "user sounds legit, checked KYC" && n.AgentId == agent.Id);

        var close = await CommandAsync(bot, "close", thread, DiscordHarness.AgentUserId, [FakeDiscord.StaffRoleId]);
        Assert.Equal("alice closed ticket #" + ticket + ".", close.Reply);
        Assert.Equal(TicketStatus.Closed, (await tickets.GetTicketAsync(ticket, TestContext.Current.CancellationToken))!.Status);
        Assert.DoesNotContain(bot.Fake.MessagesTo(FakeDiscord.DmChannelOf(User)).Skip(dmBefore), m => m.Content!.Contains("KYC", StringComparison.Ordinal));
        Assert.Empty(bot.Fake.Violations);
    }

    [Fact]
    public async Task OnlyStaffLinkedToAnAgentMayActAndCommandsNeedATicketThread()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.AddAgentAsync();
        var (ticket, thread) = await OpenTicketAsync(bot);
        var notAgent = bot.Text(DiscordTexts.NotAgent, "en");
        const string Unlinked = "300000000000000077";

        // The staff role without a linked agent account, and a linked agent without the role: both told, neither acts.
        Assert.Equal(notAgent, (await CommandAsync(bot, "claim", thread, Unlinked, [FakeDiscord.StaffRoleId])).Reply);
        Assert.Equal(notAgent, (await CommandAsync(bot, "claim", thread, DiscordHarness.AgentUserId, [])).Reply);
        Assert.Null((await bot.Get<ITicketStore>().GetTicketAsync(ticket, TestContext.Current.CancellationToken))!.AssigneeId);

        var dm = FakeDiscord.DmChannelOf(User);
        var before = bot.Fake.MessagesTo(dm).Count;
        var threadBefore = bot.Fake.MessagesTo(thread).Count;
        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(bot.Fake.NextId(), thread, Unlinked, "hi, I'm from support", FakeDiscord.StaffRoleId));
        await bot.ExpectAsync(thread, threadBefore, t => t == notAgent);
        Assert.Equal(before, bot.Fake.MessagesTo(dm).Count);

        // A real agent in some other channel is pointed to the ticket's thread.
        var elsewhere = await CommandAsync(bot, "claim", "900000000000000010", DiscordHarness.AgentUserId, [FakeDiscord.StaffRoleId]);
        Assert.Equal(bot.Text(DiscordTexts.NotTicketThread, "en"), elsewhere.Reply);
    }

    [Fact]
    public async Task AStaffMessageAskingForASeedPhraseIsStoppedAndTheAgentToldWhy()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.AddAgentAsync();
        var (_, thread) = await OpenTicketAsync(bot);
        var dm = FakeDiscord.DmChannelOf(User);
        var before = bot.Fake.MessagesTo(dm).Count;
        var threadBefore = bot.Fake.MessagesTo(thread).Count;

        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(
            bot.Fake.NextId(), thread, DiscordHarness.AgentUserId, "To verify your wallet please send me your seed phrase", FakeDiscord.StaffRoleId));

        await bot.ExpectAsync(thread, threadBefore, t => t == bot.Text(TextKeys.OutboundBlocked(SecretKind.SeedPhrase), "en"));
        Assert.Equal(before, bot.Fake.MessagesTo(dm).Count);
    }

    [Fact]
    public async Task AUserWhoClosedTheirDmsIsMarkedUnreachableOnTheTicketAndTheThreadIsTold()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.AddAgentAsync();
        var (ticket, thread) = await OpenTicketAsync(bot);
        bot.Fake.ClosedDms.Add(User);
        var threadBefore = bot.Fake.MessagesTo(thread).Count;

        await bot.Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.GuildMessage(
            bot.Fake.NextId(), thread, DiscordHarness.AgentUserId, "Your deposit is credited now", FakeDiscord.StaffRoleId));

        await bot.ExpectAsync(thread, threadBefore, t => t == bot.Text(DiscordTexts.ThreadUnreachable, "en"));
        Assert.True((await bot.Get<ITicketStore>().GetTicketAsync(ticket, TestContext.Current.CancellationToken))!.Unreachable);
        Assert.Contains(bot.Fake.Requests, r => r.Route == "POST /channels/{channel_id}/messages" && r.Status == 403);
    }

    [Fact]
    public async Task AnUnknownAgentCodeIsCalledOutAsAnImpostor()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.AddAgentAsync();
        var lookup = await CommandAsync(bot, "agent", "900000000000000010", DiscordHarness.AgentUserId, [FakeDiscord.StaffRoleId],
            [new JsonObject { ["name"] = "code", ["type"] = 3, ["value"] = "AG-FAKE1" }]);

        Assert.Equal(bot.Catalog.Text(DiscordTexts.AgentUnknown).Format("en", ("code", "AG-FAKE1")), lookup.Reply);
    }

    [Fact]
    public async Task StaffCanCheckAnAgentCode()
    {
        await using var bot = await DiscordHarness.StartAsync();
        await bot.AddAgentAsync();
        await bot.Fake.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Command(
            bot.Fake.NextId(), "agent", "900000000000000010", DiscordHarness.AgentUserId, "en-US", [FakeDiscord.StaffRoleId],
            [new JsonObject { ["name"] = "code", ["type"] = 3, ["value"] = "ag-7k2q" }]));

        await bot.Fake.WaitForAsync(f => f.Requests.Any(r => r.Template.EndsWith("@original", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        var edit = bot.Fake.Requests.First(r => r.Template.EndsWith("@original", StringComparison.Ordinal));
        Assert.Contains("alice", DiscordHarness.Unescape(edit.Content!), StringComparison.Ordinal);
        var callback = bot.Fake.Requests.First(r => r.Template.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal(64, callback.Body!["data"]!["flags"]!.GetValue<int>());
    }

    /// <summary>A ticket of <see cref="User"/> with its staff thread (summary posted); returns both.</summary>
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

    /// <summary>Runs a slash command; returns the interaction's first answer and the text it was edited to.</summary>
    private static async Task<(JsonNode Callback, string Reply)> CommandAsync(
        DiscordHarness bot, string name, string channel, string userId, string[] roles, JsonArray? options = null)
    {
        var id = bot.Fake.NextId();
        await bot.Fake.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Command(id, name, channel, userId, "en-US", roles, options));
        var token = "itoken-" + id;
        await bot.Fake.WaitForAsync(
            f => f.Requests.Any(r => r.Template.EndsWith("@original", StringComparison.Ordinal) && r.Path.Contains(token, StringComparison.Ordinal)),
            TestContext.Current.CancellationToken);
        var callback = bot.Fake.Requests.Single(r => r.Template.StartsWith("/interactions/", StringComparison.Ordinal) && r.Path.Contains(id, StringComparison.Ordinal));
        var edit = bot.Fake.Requests.Single(r => r.Template.EndsWith("@original", StringComparison.Ordinal) && r.Path.Contains(token, StringComparison.Ordinal));
        return (callback.Body!, DiscordHarness.Unescape(edit.Content!));
    }
}
