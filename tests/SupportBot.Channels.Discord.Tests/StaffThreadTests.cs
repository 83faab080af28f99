using System.Text.Json.Nodes;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Storage;

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
}
