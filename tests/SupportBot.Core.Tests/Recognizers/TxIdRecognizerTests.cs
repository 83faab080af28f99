using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.ChainSamples;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class TxIdRecognizerTests
{
    public static TheoryData<string, string> ValidForms => new()
    {
        { EvmTx, EvmTx },
        { EvmTx.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), EvmTx },
        { "txid: " + EvmTx, EvmTx },
        { "交易哈希：" + EvmTx, EvmTx },
        { "hash是" + EvmTx + "，麻烦查一下", EvmTx },
        { HexTx, HexTx },
        { "TXID " + HexTx.ToUpperInvariant(), HexTx },
        { SolanaSig88, SolanaSig88 },
        { SolanaSig87, SolanaSig87 },
        { "https://etherscan.io/tx/" + EvmTx, EvmTx },
        { "https://bscscan.com/tx/" + EvmTx + "?utm=1", EvmTx },
        { "https://tronscan.org/#/transaction/" + HexTx, HexTx },
        { "https://solscan.io/tx/" + SolanaSig88, SolanaSig88 },
        { "https://mempool.space/tx/" + HexTx, HexTx },
        { EvmTx[..30] + " " + EvmTx[30..], EvmTx },
        { EvmTx[..30] + "\n" + EvmTx[30..], EvmTx },
        { HexTx[..20] + " " + HexTx[20..40] + " " + HexTx[40..], HexTx },
        { SolanaSig88[..44] + "\r\n" + SolanaSig88[44..], SolanaSig88 },
        { EvmTx[..10] + "\u200B" + EvmTx[10..], EvmTx },
        { "0x\n" + EvmTx[2..], EvmTx },
        { "uid 12345678 txid " + EvmTx, EvmTx },
    };

    [Theory]
    [MemberData(nameof(ValidForms))]
    public void TxIdIsReadInEveryChainFormatAndRepaired(string text, string expected) =>
        Assert.Equal(expected, Ok(SlotKinds.TxId, text).Value);

    [Theory]
    [InlineData("0x1234abcd")]
    [InlineData("026c48bbf33feff9243a8f506b40928b5b7a767c76fb008f86bebb2737f6a6f")]
    [InlineData("0x026c48bbf33feff9243a8f506b40928b5b7a767c76fb008f86bebb2737f6a6f011")]
    public void HexOfWrongLengthReportsTheLength(string text)
    {
        var result = Fails(SlotKinds.TxId, text, RecognizerErrors.TxIdLength);
        Assert.Contains(("length", text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            result.ErrorArgs);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("😀😀")]
    [InlineData("0xZZ6c48bbf33feff9243a8f506b40928b5b7a767c76fb008f86bebb2737f6a6f0")]
    [InlineData("交易失败了")]
    public void NonHashIsFormatError(string text) => Fails(SlotKinds.TxId, text, RecognizerErrors.TxIdFormat);

    [Theory]
    [InlineData(EvmTx, "TRC20")]
    [InlineData(EvmTx, "BTC")]
    [InlineData(HexTx, "SOL")]
    [InlineData(SolanaSig88, "ERC20")]
    [InlineData(SolanaSig88, "TRC20")]
    public void HashOfAnotherChainThanTheGivenNetworkIsRefused(string text, string network)
    {
        var result = Fails(SlotKinds.TxId, text, RecognizerErrors.TxIdNetwork, network: network);
        Assert.Contains(result.ErrorArgs, a => a.Name == "network" && a.Value.Length > 0);
    }

    [Theory]
    [InlineData(HexTx, "TRC20", HexTx)]
    [InlineData(HexTx, "BTC", HexTx)]
    [InlineData(EvmTx, "BEP20", EvmTx)]
    [InlineData(HexTx, "ERC20", "0x" + HexTx)]
    [InlineData(SolanaSig88, "SOL", SolanaSig88)]
    public void HashMatchingTheGivenNetworkIsAccepted(string text, string network, string expected) =>
        Assert.Equal(expected, Ok(SlotKinds.TxId, text, network: network).Value);

    [Fact]
    public void TwoUnrelatedHexPiecesAreNotJoinedIntoAFakeHash() =>
        Fails(SlotKinds.TxId, "abcdef12 34567890", RecognizerErrors.TxIdLength);
}
