using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class UidRecognizerTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("my uid is 12345678")]
    [InlineData("My UID: 12345678")]
    [InlineData("UID：12345678")]
    [InlineData("UID:12345678")]
    [InlineData("我的UID是12345678")]
    [InlineData("uid 12345678 thanks")]
    [InlineData("１２３４５６７８")]
    [InlineData("1234 5678")]
    [InlineData("  12345678\n")]
    [InlineData("12345\u200B678")]
    [InlineData("用户ID：12345678")]
    [InlineData("账号ID 12345678")]
    [InlineData("it's 12345678")]
    [InlineData("uid12345678")]
    public void UidIsReadFromAnswerWithLabelsAndSentences(string text) =>
        Assert.Equal("12345678", Ok(SlotKinds.Uid, text).Value);

    [Theory]
    [InlineData("123456")]
    [InlineData("123456789012")]
    public void UidLengthBoundsAreInclusive(string text) =>
        Assert.Equal(text, Ok(SlotKinds.Uid, text).Value);

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567890123")]
    [InlineData("uid 123")]
    public void UidWithWrongDigitCountNamesTheRange(string text)
    {
        var result = Fails(SlotKinds.Uid, text, RecognizerErrors.UidLength);
        Assert.Contains(("min", "6"), result.ErrorArgs);
        Assert.Contains(("max", "12"), result.ErrorArgs);
    }

    [Theory]
    [InlineData("abc12345")]
    [InlineData("1234abcd")]
    [InlineData("I don't know")]
    [InlineData("😀")]
    [InlineData("12345678 or 87654321")]
    [InlineData("用户名张三")]
    public void UidWithLettersOrNoNumberIsFormatError(string text) =>
        Fails(SlotKinds.Uid, text, RecognizerErrors.UidFormat);

    [Theory]
    [InlineData("A1234567", "A1234567")]
    [InlineData("my uid is A1234567", "A1234567")]
    public void DetailPatternOverridesDefaultUidRule(string text, string expected) =>
        Assert.Equal(expected, Ok(SlotKinds.Uid, text, pattern: "[A-Z][0-9]{7}").Value);

    [Fact]
    public void DetailPatternMustMatchInFull() =>
        Fails(SlotKinds.Uid, "12345678", RecognizerErrors.UidFormat, pattern: "[0-9]{4}");

    [Fact]
    public void UidOriginalIsKeptOnlyWhenItDiffersFromValue()
    {
        Assert.Null(Ok(SlotKinds.Uid, "12345678").Original);
        Assert.Equal("my uid is 12345678", Ok(SlotKinds.Uid, "my uid is 12345678").Original);
    }
}
