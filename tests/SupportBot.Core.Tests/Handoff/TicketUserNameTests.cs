using SupportBot.Core.Routing;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>The user's profile name (Telegram, Discord) reaches the ticket so agents see a person, but it is user
/// input like any other: cleaned, cut, and dropped when it holds a secret.</summary>
public sealed class TicketUserNameTests
{
    private const string Seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private readonly TestBot _bot = new();

    [Theory]
    [InlineData("Alice Chen", "Alice Chen")]
    [InlineData("李伟 (Wei)", "李伟 (Wei)")]
    [InlineData("  Ali\u200bce\u0007 ", "Alice")]
    [InlineData("   ", null)]
    [InlineData(Seed, null)]
    [InlineData("my key 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", null)]
    public async Task TheTicketCarriesTheCleanedProfileName(string? name, string? expected) =>
        Assert.Equal(expected, await TicketNameAsync(name));

    [Fact]
    public async Task ALongNameIsCut()
    {
        var name = await TicketNameAsync(new string('x', 200));

        Assert.Equal(new string('x', ConversationRouter.MaxUserNameLength), name);
    }

    [Fact]
    public async Task NoNameMeansNone() => Assert.Null(await TicketNameAsync(null));

    private async Task<string?> TicketNameAsync(string? name)
    {
        var chat = await HandoffScript.ToSummaryAsync(_bot.Conversation(), "deposit", "my deposit has not arrived");
        var confirm = chat.Last.Choices.Single(c => c.Value == "confirm");
        await chat.SendActivityAsync(chat.Activity(confirm.Title) with { ChoiceValue = confirm.Value, UserName = name });
        var ticket = await _bot.Store.GetTicketAsync(HandoffScript.CreatedTicket(chat), TestContext.Current.CancellationToken);
        return ticket!.UserName;
    }
}
