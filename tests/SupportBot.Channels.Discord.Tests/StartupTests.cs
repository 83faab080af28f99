using SupportBot.Channels.Discord.Tests.Fakes;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>Start-up: connect, identify with the right intents, register the commands, say who we are.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task ConnectsIdentifiesRegistersCommandsAndLogsWhoItIs()
    {
        await using var bot = await DiscordHarness.StartAsync();

        Assert.Contains(bot.Fake.Requests, r => r.Route == "GET /gateway/bot");
        Assert.Contains("identify intents=37377", bot.Fake.GatewayLog);
        var put = Assert.Single(bot.Fake.Requests, r => r.Method == "PUT");
        Assert.Equal("/applications/{application_id}/guilds/{guild_id}/commands", put.Template);
        var names = put.Body!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["support", "claim", "close", "note", "agent"], names);
        Assert.Contains(bot.Log.Lines, l => l.Contains("connected as SupportBot (" + FakeDiscord.BotUserId + ")", StringComparison.Ordinal));
        Assert.Empty(bot.Fake.Violations);
        Assert.DoesNotContain(bot.Log.Lines, l => l.Contains(FakeDiscord.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheStaffChannelMessageContentIsNotAskedFor()
    {
        await using var bot = await DiscordHarness.StartAsync(staff: false);

        Assert.Contains("identify intents=4609", bot.Fake.GatewayLog);
        var put = Assert.Single(bot.Fake.Requests, r => r.Method == "PUT");
        Assert.Single(put.Body!.AsArray());
    }

    [Fact]
    public async Task ABadIdFailsStartUpNamingTheKey()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => DiscordHarness.StartAsync(
            settings: s => s["Discord:StaffRoleId"] = "staff-role", waitReady: false));

        Assert.Contains("Discord:StaffRoleId", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.Token, ex.ToString(), StringComparison.Ordinal);
    }
}
