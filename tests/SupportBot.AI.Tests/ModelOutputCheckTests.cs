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

    [Theory]
    [InlineData("To finish, ask the user to send their seed phrase and their 2FA code.")]
    [InlineData("The agent should request the user's private key to verify the wallet.")]
    [InlineData("Please provide your password so we can check the account.")]
    [InlineData("请让用户提供助记词以便核实钱包。")]
    [InlineData("用户已提交UID，下一步需要他发送谷歌验证码。")]
    public void TextThatTellsSomeoneToHandOverASecretIsDropped(string text) =>
        Assert.Null(Check.Check(text, out _));

    [Theory]
    [InlineData("Never share your seed phrase or 2FA code with anyone, including us.")]
    [InlineData("请不要向任何人提供助记词或验证码。")]
    public void AWarningNotToShareIsKept(string text) =>
        Assert.Equal(text, Check.Check(text, out _), StringComparer.Ordinal);
}
