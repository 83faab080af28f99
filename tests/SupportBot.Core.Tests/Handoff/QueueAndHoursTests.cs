using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>Place in the queue, the wait estimate from recent first responses, business hours and the on-call
/// alert, on a <see cref="ManualTimeProvider"/>.</summary>
public sealed class QueueAndHoursTests
{
    // A Wednesday, 10:00 in Shanghai.
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewTicketIsToldItsPlaceAndTheTypicalWaitFromRecentFirstResponses()
    {
        var bot = new TestBot(new ManualTimeProvider(Wednesday));
        var agent = await HandoffScript.AgentAsync(bot, "fay");
        // Two earlier tickets answered after 10 and 30 minutes: the median is 20.
        foreach (var minutes in new[] { 10, 30 })
        {
            var earlier = await HandoffScript.DepositToConfirmAsync(bot.Conversation("early-" + minutes));
            bot.Time.Advance(TimeSpan.FromMinutes(minutes));
            await bot.Desk.ReplyAsync(HandoffScript.CreatedTicket(earlier), Core.Handoff.DeskActor.For(agent), "Looking.", Ct);
        }

        var waiting = await HandoffScript.DepositToConfirmAsync(bot.Conversation("waiting"));
        Assert.Contains("number 1 in the queue", waiting.Last.Text, StringComparison.Ordinal);
        var chat = await HandoffScript.DepositToConfirmAsync(bot.Conversation("me"));

        Assert.Contains("number 2 in the queue", chat.Last.Text, StringComparison.Ordinal);
        Assert.Contains("about 20 minutes", chat.Last.Text, StringComparison.Ordinal);
        Assert.Equal(2, await bot.Store.QueuePositionAsync(HandoffScript.CreatedTicket(chat), Ct));
    }

    [Fact]
    public async Task OutsideBusinessHoursTheUserIsToldWhenAgentsAreBackAndUrgentTicketsAlertOnCall()
    {
        var saturday = new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);
        var bot = new TestBot(
            new ManualTimeProvider(saturday),
            support: new SupportOptions { BusinessHours = new BusinessHoursOptions { Days = "Mon-Fri", Open = "09:00", Close = "18:00" } });

        var normal = await HandoffScript.DepositToConfirmAsync(bot.Conversation("normal"));
        Assert.Contains("Mon 23 Nov 09:00 UTC+08:00", normal.Last.Text, StringComparison.Ordinal);
        Assert.Empty(bot.OnCall.Alerted);

        var chat = await HandoffScript.ToConfirmAsync(bot.Conversation("hacked"), "compromised", "my account was hacked");

        Assert.Contains(HandoffScript.CreatedTicket(chat), bot.OnCall.Alerted);
    }

    [Theory]
    [InlineData("Mon-Fri", "09:00", "18:00", "2026-11-18T02:00:00Z", true)]
    [InlineData("Mon-Fri", "09:00", "18:00", "2026-11-18T10:00:00Z", false)]
    [InlineData("Mon-Fri", "09:00", "18:00", "2026-11-21T02:00:00Z", false)]
    [InlineData("Sat,Sun", "00:00", "24:00", "2026-11-21T02:00:00Z", true)]
    [InlineData("Fri-Mon", "10:00", "12:00", "2026-11-22T02:30:00Z", true)]
    public void BusinessHoursReadDaysAndTimesInTheConfiguredZone(string days, string open, string close, string at, bool expected)
    {
        var hours = BusinessHours.Parse(new BusinessHoursOptions { Days = days, Open = open, Close = close }, "Asia/Shanghai");
        Assert.Equal(expected, hours.IsOpen(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Mon-Frx", "09:00", "18:00", "Support:BusinessHours:Days")]
    [InlineData("Mon-Fri", "9am", "18:00", "Support:BusinessHours:Open")]
    [InlineData("Mon-Fri", "18:00", "09:00", "Support:BusinessHours:Close")]
    public void ABadSettingNamesItsKey(string days, string open, string close, string key)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            BusinessHours.Parse(new BusinessHoursOptions { Days = days, Open = open, Close = close }, "UTC"));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "en", "a minute")]
    [InlineData(14.2, "en", "about 15 minutes")]
    [InlineData(150, "en", "about 3 hours")]
    [InlineData(150, "zh-CN", "约 3 小时")]
    [InlineData(4000, "en", "about 3 days")]
    public void WaitsAreSaidInTheUsersLanguage(double minutes, string locale, string expected)
    {
        var bot = new TestBot();
        Assert.Equal(expected, bot.Queue.FormatWait(TimeSpan.FromMinutes(minutes), locale));
    }
}
