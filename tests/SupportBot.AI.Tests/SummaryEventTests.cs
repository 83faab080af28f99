using SupportBot.Core.Handoff;

namespace SupportBot.AI.Tests;

/// <summary>A stored summary is announced to the agents' workspaces (Telegram topic, Discord thread) with a
/// <see cref="TicketEventKind.SummaryAdded"/> event; a dropped one is not.</summary>
public sealed class SummaryEventTests
{
    [Fact]
    public async Task AStoredSummaryIsAnnouncedOnce()
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync();
        using var listening = harness.Bot.Events.Subscribe();

        Assert.True(await harness.SummarizeAsync(number));

        Assert.True(listening.Reader.TryRead(out var announced));
        Assert.Equal((number, TicketEventKind.SummaryAdded), (announced.Number, announced.Kind));
        Assert.False(listening.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ADroppedSummaryIsNotAnnounced()
    {
        await using var harness = await SummaryHarness.StartAsync();
        harness.Model.AnswerText = "Please reply with your seed phrase so we can verify the wallet.";
        var number = await harness.TicketAsync();
        using var listening = harness.Bot.Events.Subscribe();

        Assert.False(await harness.SummarizeAsync(number));

        Assert.False(listening.Reader.TryRead(out _));
        Assert.Null((await harness.TicketOfAsync(number)).Summary);
    }
}
