using SupportBot.Testing;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>The per-user budget on a hand-moved clock, and that users who went quiet are forgotten.</summary>
public sealed class FloodGateTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void OverTheBudgetIsRefusedAndWarnedOnceUntilTheWindowPasses()
    {
        var time = new ManualTimeProvider();
        var gate = new FloodGate(2, Window, time);

        Assert.True(gate.Allow("u", out _));
        Assert.True(gate.Allow("u", out _));
        Assert.False(gate.Allow("u", out var first));
        Assert.False(gate.Allow("u", out var second));
        Assert.True(first);
        Assert.False(second);
        Assert.True(gate.Allow("other", out _));

        time.Advance(Window);
        Assert.True(gate.Allow("u", out var warned));
        Assert.False(warned);
    }

    [Fact]
    public void UsersQuietForAWindowAreForgottenOnceManyAreTracked_AndActiveOnesKeepTheirBudget()
    {
        var time = new ManualTimeProvider();
        var gate = new FloodGate(1, Window, time);
        for (var i = 0; i <= FloodGate.PruneAbove; i++)
        {
            Assert.True(gate.Allow("quiet-" + i, out _));
        }

        Assert.Equal(FloodGate.PruneAbove + 1, gate.TrackedUsers);

        // A window later the next message prunes everyone quiet since; the writer keeps their budget.
        time.Advance(Window);
        Assert.True(gate.Allow("active", out _));
        Assert.Equal(1, gate.TrackedUsers);
        Assert.False(gate.Allow("active", out var warn));
        Assert.True(warn);
    }
}
