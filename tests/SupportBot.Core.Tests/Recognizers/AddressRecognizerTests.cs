using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.ChainSamples;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class AddressRecognizerTests
{
    [Theory]
    [InlineData(EvmAddress, EvmAddress)]
    [InlineData("0x52908400098527886e0f7030069857d2e4169ee7", "0x52908400098527886e0f7030069857d2e4169ee7")]
    [InlineData("address: " + EvmAddress, EvmAddress)]
    [InlineData("我的地址是" + EvmAddress, EvmAddress)]
    [InlineData(BtcLegacy, BtcLegacy)]
    [InlineData(BtcP2Sh, BtcP2Sh)]
    [InlineData(BtcSegwit, BtcSegwit)]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", BtcSegwit)]
    [InlineData(BtcTaproot, BtcTaproot)]
    [InlineData(Tron, Tron)]
    [InlineData("充值地址：" + Tron, Tron)]
    [InlineData(Solana, Solana)]
    [InlineData(SolanaWrapped, SolanaWrapped)]
    [InlineData(Ton, Ton)]
    [InlineData("  " + Tron + "\u200B  ", Tron)]
    public void AddressIsReadInEveryNetworkFormat(string text, string expected) =>
        Assert.Equal(expected, Ok(SlotKinds.Address, text).Value);

    [Theory]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")]
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")]
    [InlineData("EQB_lMx0EdcX8UV5sqoQD7uzT6WT_q7Scki3YuOrWAXwdvP8")]
    public void AddressWithOneCharacterWrongFailsItsChecksum(string text) =>
        Fails(SlotKinds.Address, text, RecognizerErrors.AddressChecksum);

    [Theory]
    [InlineData("0x1234")]
    [InlineData(EvmTx)]
    [InlineData("hello world")]
    [InlineData("😀")]
    [InlineData("12345678")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EZZ")]
    public void NonAddressIsFormatError(string text) => Fails(SlotKinds.Address, text, RecognizerErrors.AddressFormat);

    [Theory]
    [InlineData(EvmAddress, "TRC20", "Tron (TRC20)")]
    [InlineData(Tron, "ERC20", "Ethereum (ERC20)")]
    [InlineData(BtcSegwit, "BEP20", "BNB Smart Chain (BEP20)")]
    [InlineData(Solana, "BTC", "Bitcoin")]
    [InlineData(EvmAddress, "SOL", "Solana")]
    public void AddressOfAnotherNetworkNamesTheGivenNetwork(string text, string network, string name)
    {
        var result = Fails(SlotKinds.Address, text, RecognizerErrors.AddressNetwork, network: network);
        Assert.Contains(("network", name), result.ErrorArgs);
    }

    [Theory]
    [InlineData(EvmAddress, "BEP20")]
    [InlineData(EvmAddress, "POLYGON")]
    [InlineData(Tron, "TRC20")]
    [InlineData(BtcLegacy, "BTC")]
    [InlineData(Solana, "SOL")]
    [InlineData(Ton, "TON")]
    public void AddressOfTheGivenNetworkIsAccepted(string text, string network) =>
        Assert.Equal(text, Ok(SlotKinds.Address, text, network: network).Value);
}
