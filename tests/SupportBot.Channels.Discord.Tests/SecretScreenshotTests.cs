using Microsoft.Extensions.Configuration;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Testing.Images;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>A seed-phrase screenshot sent in a DM is read before it is kept: the user is warned (and, as bots cannot
/// delete in DMs, asked to delete it), and nothing of it reaches the screenshots folder.</summary>
public sealed class SecretScreenshotTests
{
    private const string User = "200000000000000731";

    [Fact]
    public async Task A_seed_phrase_screenshot_in_a_dm_is_refused_and_never_stored()
    {
        await using var bot = await DiscordHarness.StartAsync(staff: false);
        var image = Screens.SeedGrid12();
        FakeDiscord.Files["backup.png"] = image;

        // The greeting names seed phrases too; wait for the warning about this screenshot.
        var warned = await bot.SayAsync(User, "", t => t.Contains("screenshot you sent showed", StringComparison.Ordinal), [bot.Fake.Attachment("backup.png")]);

        Assert.Contains("The screenshot you sent showed a seed phrase", DiscordHarness.Unescape(warned.Content!), StringComparison.Ordinal);
        // The user saw the bot typing while the screenshot was read, before the warning was posted.
        var requests = bot.Fake.Requests.ToList();
        var typing = requests.FindIndex(r => r.Route == "POST /channels/{channel_id}/typing");
        Assert.True(typing >= 0, "no typing indicator while the screenshot was read");
        Assert.True(typing < requests.FindIndex(r => r.Route == "POST /channels/{channel_id}/messages"
            && DiscordHarness.Unescape(r.Content ?? "").Contains("screenshot you sent showed", StringComparison.Ordinal)));
        var folder = bot.Get<IConfiguration>()["Storage:Attachments:Path"]!;
        if (Directory.Exists(folder))
        {
            DataFolderSearch.AssertNoTrace(folder, string.Join(' ', Screens.Seed12), image);
        }

        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(), "a file was written for the refused screenshot");
    }
}
