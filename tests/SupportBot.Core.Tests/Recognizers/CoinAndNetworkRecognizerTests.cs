using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class CoinAndNetworkRecognizerTests
{
    [Theory]
    [InlineData("usdt", "USDT")]
    [InlineData("USDT", "USDT")]
    [InlineData("USDT-TRC20", "USDT")]
    [InlineData("USDT (ERC20)", "USDT")]
    [InlineData("100 USDT", "USDT")]
    [InlineData("泰达币", "USDT")]
    [InlineData("是USDT", "USDT")]
    [InlineData("比特币", "BTC")]
    [InlineData("以太坊", "ETH")]
    [InlineData("eth", "ETH")]
    [InlineData("Bitcoin", "BTC")]
    [InlineData("ＵＳＤＴ", "USDT")]
    [InlineData("it was sol", "SOL")]
    [InlineData("狗狗币", "DOGE")]
    public void CoinIsReadFromTickerOrName(string text, string ticker) =>
        Assert.Equal(ticker, Ok(SlotKinds.Coin, text).Value);

    [Theory]
    [InlineData("xyzcoin")]
    [InlineData("不知道")]
    [InlineData("😀")]
    [InlineData("100")]
    public void UnknownCoinIsRefused(string text) => Fails(SlotKinds.Coin, text, RecognizerErrors.CoinUnknown);

    [Theory]
    [InlineData("trc20", "TRC20")]
    [InlineData("TRC-20", "TRC20")]
    [InlineData("trc 20", "TRC20")]
    [InlineData("Tron", "TRC20")]
    [InlineData("波场", "TRC20")]
    [InlineData("波场链", "TRC20")]
    [InlineData("USDT-TRC20", "TRC20")]
    [InlineData("ERC20", "ERC20")]
    [InlineData("erc-20", "ERC20")]
    [InlineData("eth", "ERC20")]
    [InlineData("Ethereum", "ERC20")]
    [InlineData("以太坊", "ERC20")]
    [InlineData("bsc", "BEP20")]
    [InlineData("BEP-20", "BEP20")]
    [InlineData("BNB Smart Chain", "BEP20")]
    [InlineData("币安智能链", "BEP20")]
    [InlineData("Solana", "SOL")]
    [InlineData("sol", "SOL")]
    [InlineData("Bitcoin", "BTC")]
    [InlineData("Polygon", "POLYGON")]
    [InlineData("Arbitrum One", "ARBITRUM")]
    [InlineData("Optimism", "OPTIMISM")]
    [InlineData("Base", "BASE")]
    [InlineData("Avalanche C-Chain", "AVAXC")]
    [InlineData("TON", "TON")]
    [InlineData("用的是波场网络", "TRC20")]
    [InlineData("I used the TRC20 network", "TRC20")]
    [InlineData("ＴＲＣ２０", "TRC20")]
    public void NetworkIsReadFromAnyAlias(string text, string id) =>
        Assert.Equal(id, Ok(SlotKinds.Network, text).Value);

    [Fact]
    public void NetworkDisplayIsItsFullName() =>
        Assert.Equal("Tron (TRC20)", Ok(SlotKinds.Network, "trc-20").Display);

    [Theory]
    [InlineData("lightning")]
    [InlineData("不知道")]
    [InlineData("😀")]
    [InlineData("usdt")]
    public void UnknownNetworkIsRefused(string text) =>
        Fails(SlotKinds.Network, text, RecognizerErrors.NetworkUnknown);
}
