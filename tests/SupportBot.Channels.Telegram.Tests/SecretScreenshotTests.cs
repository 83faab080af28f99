using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Testing.Images;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>A photo of a seed phrase sent in a private chat is read before it is kept: deleted from the chat, the user
/// warned, nothing of it in the data folder; a deposit record photo is kept.</summary>
public sealed class SecretScreenshotTests
{
    [Fact]
    public async Task A_photo_of_a_seed_phrase_is_deleted_and_never_stored()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 7301;
        var image = Screens.SeedGrid12();
        bot.Api.AddFile("seed-" + chat, image);

        var sent = await bot.SendAsync(chat, Updates.Photo(chat, "seed-" + chat, image.Length));

        Assert.Contains(bot.Api.Calls, c => c.Method == "deleteMessage");
        Assert.Contains(sent, c => c.Text is { } t && t.Contains("The screenshot you sent showed a seed phrase", StringComparison.Ordinal));
        DataFolderSearch.AssertNoTrace(bot.DataFolder, string.Join(' ', Screens.Seed12), image);
    }

    [Fact]
    public async Task A_photo_of_a_deposit_record_is_kept()
    {
        await using var bot = await TelegramHarness.StartAsync();
        const long chat = 7302;
        var image = Screens.DepositRecord();
        bot.Api.AddFile("deposit-" + chat, image);

        var sent = await bot.SendAsync(chat, Updates.Photo(chat, "deposit-" + chat, image.Length, caption: "my deposit has not arrived"));

        Assert.DoesNotContain(bot.Api.Calls, c => c.Method == "deleteMessage");
        Assert.DoesNotContain(sent, c => c.Text is { } t && t.Contains("screenshot you sent showed", StringComparison.Ordinal));
        Assert.True(DataFolderSearch.Holds(bot.DataFolder, image.AsSpan(image.Length / 2, 64)), "the deposit record was not kept");
    }
}
