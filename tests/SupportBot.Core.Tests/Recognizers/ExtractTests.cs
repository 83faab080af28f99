using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.ChainSamples;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class ExtractTests
{
    [Fact]
    public void UidAndTxIdAreBothExtractedFromOneMessage()
    {
        var message = "UID 12345678, txid " + EvmTx;
        Assert.Equal("12345678", Extract(SlotKinds.Uid, message)?.Value);
        Assert.Equal(EvmTx, Extract(SlotKinds.TxId, message)?.Value);
        Assert.Null(Extract(SlotKinds.Amount, message));
        Assert.Null(Extract(SlotKinds.Phone, message));
    }

    [Fact]
    public void ChineseMultiDetailMessageYieldsEveryLabelledDetail()
    {
        var message = $"我充值了100 USDT，网络TRC20，UID：87654321，交易哈希：{HexTx}，时间2025-03-03 10:45，还没到账";
        Assert.Equal("87654321", Extract(SlotKinds.Uid, message)?.Value);
        Assert.Equal(HexTx, Extract(SlotKinds.TxId, message)?.Value);
        Assert.Equal("100", Extract(SlotKinds.Amount, message)?.Value);
        Assert.Equal("USDT", Extract(SlotKinds.Coin, message)?.Value);
        Assert.Equal("TRC20", Extract(SlotKinds.Network, message)?.Value);
        Assert.Equal("2025-03-03T02:45:00Z", Extract(SlotKinds.Time, message)?.Value);
    }

    [Theory]
    [InlineData("my account 12345678 is locked")]
    [InlineData("12345678")]
    [InlineData("uid 123")]
    [InlineData("fluid 12345678")]
    public void UidWithoutALabelOrWithTheWrongShapeIsNotExtracted(string text) =>
        Assert.Null(Extract(SlotKinds.Uid, text));

    [Theory]
    [InlineData("用户ID：12345678 无法登录")]
    [InlineData("账户ID 12345678")]
    [InlineData("uid=12345678")]
    public void LabelledUidIsExtracted(string text) => Assert.Equal("12345678", Extract(SlotKinds.Uid, text)?.Value);

    [Fact]
    public void UnlabelledEvmLengthHexIsNotExtractedBecauseItCouldBeAPrivateKey() =>
        Assert.Null(Extract(SlotKinds.TxId, "please check " + EvmTx));

    [Theory]
    [InlineData("withdrawal stuck " + SolanaSig88, SolanaSig88)]
    [InlineData("see https://etherscan.io/tx/" + EvmTx + " please", EvmTx)]
    [InlineData("哈希 " + HexTx, HexTx)]
    [InlineData("tx hash: " + EvmTx, EvmTx)]
    public void SolanaSignatureExplorerLinkOrLabelledHashIsExtracted(string text, string expected) =>
        Assert.Equal(expected, Extract(SlotKinds.TxId, text)?.Value);

    [Fact]
    public void TxIdOfAnotherNetworkIsNotExtracted() =>
        Assert.Null(Extract(SlotKinds.TxId, "txid " + EvmTx, network: "TRC20"));

    [Theory]
    [InlineData("sent to " + EvmAddress + " yesterday", EvmAddress)]
    [InlineData("地址" + BtcSegwit, BtcSegwit)]
    [InlineData("提到 " + Tron + " 了", Tron)]
    public void UnambiguousAddressFormsAreExtracted(string text, string expected) =>
        Assert.Equal(expected, Extract(SlotKinds.Address, text)?.Value);

    [Theory]
    [InlineData("sent to " + Solana)]
    [InlineData("sent to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")]
    [InlineData("key " + EvmTx)]
    public void AmbiguousOrBrokenAddressIsNotExtracted(string text) => Assert.Null(Extract(SlotKinds.Address, text));

    [Theory]
    [InlineData("contact me at john@gmail.com thanks", SlotKinds.Email, "john@gmail.com")]
    [InlineData("my phone is 13800138000", SlotKinds.Phone, "13800138000")]
    [InlineData("手机号：13800138000", SlotKinds.Phone, "13800138000")]
    [InlineData("call +86 138 0013 8000", SlotKinds.Phone, "+8613800138000")]
    [InlineData("reach me: john@gmail.com", SlotKinds.Contact, "john@gmail.com")]
    [InlineData("tel +44 7700 900123", SlotKinds.Contact, "+447700900123")]
    public void EmailAndLabelledOrInternationalPhoneAreExtracted(string text, string kind, string expected) =>
        Assert.Equal(expected, Extract(kind, text)?.Value);

    [Theory]
    [InlineData("I lost 13800138000")]
    [InlineData("order 20250303104500")]
    public void BarePhoneLikeNumberIsNotExtracted(string text) => Assert.Null(Extract(SlotKinds.Phone, text));

    [Theory]
    [InlineData("sent 0.5 BTC", "0.5", "BTC")]
    [InlineData("充了 1,000 USDT", "1000", "USDT")]
    [InlineData("转了100个USDT", "100", "USDT")]
    public void AmountWithCoinGivesBothAmountAndCoin(string text, string amount, string coin)
    {
        Assert.Equal(amount, Extract(SlotKinds.Amount, text)?.Value);
        Assert.Equal(coin, Extract(SlotKinds.Coin, text)?.Value);
    }

    [Theory]
    [InlineData("I waited 100 minutes")]
    [InlineData("is eth down?")]
    public void BareNumberOrAmbiguousTickerIsNotExtractedAsAmountOrCoin(string text)
    {
        Assert.Null(Extract(SlotKinds.Amount, text));
        Assert.Null(Extract(SlotKinds.Coin, text));
    }

    [Theory]
    [InlineData("sent over bsc", "BEP20")]
    [InlineData("走的波场链", "TRC20")]
    [InlineData("USDT-ERC20 withdrawal", "ERC20")]
    public void UnambiguousNetworkNameIsExtracted(string text, string expected) =>
        Assert.Equal(expected, Extract(SlotKinds.Network, text)?.Value);

    [Theory]
    [InlineData("is eth down?")]
    [InlineData("the base fee")]
    public void NetworkAliasThatIsAlsoACoinOrWordIsNotExtracted(string text) =>
        Assert.Null(Extract(SlotKinds.Network, text));

    [Theory]
    [InlineData("yesterday 9pm")]
    [InlineData("10:45")]
    [InlineData("2025-03-03")]
    public void TimeIsExtractedOnlyAsAFullDateTime(string text) => Assert.Null(Extract(SlotKinds.Time, text));

    [Fact]
    public void FullDateTimeIsExtractedWithItsOwnWordsAsOriginal()
    {
        var value = Extract(SlotKinds.Time, "it happened at 2025-03-03T10:45:00, uid 12345678");
        Assert.Equal("2025-03-03T02:45:00Z", value?.Value);
        Assert.Equal("2025-03-03T10:45:00", value?.Original);
    }
}
