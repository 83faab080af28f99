using SupportBot.Core.Safety;

namespace SupportBot.AI.Tests;

/// <summary>What model text may be kept: a plain report about the user may say a secret was shared; a request for
/// one may not.</summary>
public sealed class ModelOutputCheckTests
{
    private static readonly ModelOutputCheck Check = new(new OutboundGuard(new SecretScanner()), new SecretScanner());

    [Theory]
    [InlineData("The user cannot find a USDT deposit on TRC20 and asked for a human.")]
    [InlineData("The user shared a secret in the chat; it was removed. Their deposit of 100 USDT has not arrived.")]
    [InlineData("用户的USDT充值未到账，已提供UID。")]
    [InlineData("The user cannot find a deposit and asked for a human. A seed phrase was shared and removed.")]
    public void PlainReportIsKept(string text) =>
        Assert.Equal(text, Check.Check(text, out var reason), StringComparer.Ordinal);
}
