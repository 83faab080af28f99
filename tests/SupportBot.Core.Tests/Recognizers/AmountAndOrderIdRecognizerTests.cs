using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class AmountAndOrderIdRecognizerTests
{
    [Theory]
    [InlineData("100", "100", "100")]
    [InlineData("100.5", "100.5", "100.5")]
    [InlineData("100.50", "100.5", "100.5")]
    [InlineData("1,000.25", "1000.25", "1000.25")]
    [InlineData("100 USDT", "100", "100 USDT")]
    [InlineData("100USDT", "100", "100 USDT")]
    [InlineData("0.5个BTC", "0.5", "0.5 BTC")]
    [InlineData("大概 250 u", "250", "250")]
    [InlineData("一百", "100", "100")]
    [InlineData("两千五百 USDT", "2500", "2500 USDT")]
    [InlineData("1万", "10000", "10000")]
    [InlineData("5k usdt", "5000", "5000 USDT")]
    [InlineData("１００", "100", "100")]
    [InlineData("USDT-TRC20 100", "100", "100 USDT")]
    [InlineData("0.000000000000000001 ETH", "0.000000000000000001", "0.000000000000000001 ETH")]
    public void AmountIsReadAsInvariantDecimal(string text, string value, string display)
    {
        var slot = Ok(SlotKinds.Amount, text);
        Assert.Equal(value, slot.Value);
        Assert.Equal(display, slot.Display);
    }

    [Theory]
    [InlineData("USDT TRC-20 500, yesterday 9pm", "500", "500 USDT")]
    [InlineData("USDT, TRC20, 500, yesterday 9pm", "500", "500 USDT")]
    [InlineData("usdt bep-20 1,250.5 at 21:14", "1250.5", "1250.5 USDT")]
    [InlineData("trc20 500 2 hours ago", "500", "500")]
    [InlineData("USDT TRC-20 500 2025-03-03 10:45", "500", "500 USDT")]
    [InlineData("USDT 波场 500 昨天晚上9点", "500", "500 USDT")]
    [InlineData("TRC20 300，3天前", "300", "300")]
    [InlineData("500 after 12 confirmations", "500", "500")]
    public void TheOneNumberLeftInAnAnswerToTheAmountQuestionIsTheAmount(string text, string value, string display)
    {
        var slot = AmountRecognizer.FindLoneAmount(text, For(SlotKinds.Amount));
        Assert.NotNull(slot);
        Assert.Equal(value, slot.Value);
        Assert.Equal(display, slot.Display);
    }

    [Theory]
    [InlineData("USDT TRC-20 yesterday 9pm")]
    [InlineData("500 or 600, not sure")]
    [InlineData("UID 48213377 TRC20")]
    [InlineData("2 hours ago")]
    public void NoAmountOrTwoCandidatesIsNoLoneAmount(string text) =>
        Assert.Null(AmountRecognizer.FindLoneAmount(text, For(SlotKinds.Amount)));

    [Theory]
    [InlineData("0")]
    [InlineData("0.00 USDT")]
    [InlineData("-5")]
    [InlineData("负100")]
    public void ZeroOrNegativeAmountIsRefused(string text) =>
        Fails(SlotKinds.Amount, text, RecognizerErrors.AmountNotPositive);

    [Theory]
    [InlineData("a lot")]
    [InlineData("100 or 200")]
    [InlineData("1.000,25")]
    [InlineData("1,00")]
    [InlineData("😀")]
    [InlineData("99999999999999999999999999999999")]
    public void UnreadableAmountIsFormatError(string text) =>
        Fails(SlotKinds.Amount, text, RecognizerErrors.AmountFormat);

    [Theory]
    [InlineData("1234567890123", "1234567890123")]
    [InlineData("order id: 1234567890", "1234567890")]
    [InlineData("订单号：W20250303-0001", "W20250303-0001")]
    [InlineData("withdrawal ID abc_123456", "abc_123456")]
    [InlineData("１２３４５６７", "1234567")]
    public void OrderIdIsReadWithDefaultRule(string text, string expected) =>
        Assert.Equal(expected, Ok(SlotKinds.OrderId, text).Value);

    [Theory]
    [InlineData("12345")]
    [InlineData("abcdefgh")]
    [InlineData("订单")]
    [InlineData("123456789012345678901234567890123")]
    public void OrderIdNotFittingDefaultRuleIsRefused(string text) =>
        Fails(SlotKinds.OrderId, text, RecognizerErrors.OrderIdFormat);

    [Fact]
    public void OrderIdDetailPatternIsMatchedInFull()
    {
        Assert.Equal("OD12345678", Ok(SlotKinds.OrderId, "my order OD12345678", pattern: "OD[0-9]{8}").Value);
        Fails(SlotKinds.OrderId, "OD123456789", RecognizerErrors.OrderIdFormat, pattern: "OD[0-9]{8}");
    }
}
