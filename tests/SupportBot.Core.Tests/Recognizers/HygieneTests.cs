using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class HygieneTests
{
    private static readonly string[] TextKinds = SlotKinds.All.Where(k => k != SlotKinds.Screenshots).ToArray();

    public static TheoryData<string> Kinds => new(TextKinds);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmptyAndBlankAnswersAreEmptyForEveryKind(string kind)
    {
        Fails(kind, "", RecognizerErrors.Empty);
        Fails(kind, "   \t\r\n ", RecognizerErrors.Empty);
        Fails(kind, "\u200B\u200D\uFEFF\u0000", RecognizerErrors.Empty);
        Fails(kind, "\u3000", RecognizerErrors.Empty);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void HundredKilobytesIsTooLongForEveryKindAndReturnsQuickly(string kind)
    {
        var result = Fails(kind, string.Concat(Enumerable.Repeat("1a:-前 ", 20_000)), RecognizerErrors.TooLong);
        var max = result.ErrorArgs.Single(a => a.Name == "max").Value;
        Assert.Equal(kind == SlotKinds.Text ? "4000" : "2000", max);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LongMessagesAboutSomethingElseExtractNothing(string kind)
    {
        Assert.Null(Extract(kind, new string('0', 100_000)));
        Assert.Null(Extract(kind, string.Concat(Enumerable.Repeat("uid 12 txid 0xab 前天 hash: 9 ", 600))));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LongestAcceptedStructuredAnswerOfRepetitiveTextIsHandled(string kind)
    {
        // 2,000 characters of near-miss material exercises every scanner at its limit; it must simply finish.
        var result = Recognize(kind, string.Concat(Enumerable.Repeat("0x1 前天:", 300))[..2000]);
        Assert.Equal(kind == SlotKinds.Text, result.Success);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmojiOnlyIsRefusedForEveryStructuredKind(string kind)
    {
        var result = Recognize(kind, "😀🙏🔥");
        Assert.Equal(kind == SlotKinds.Text, result.Success);
    }

    [Fact]
    public void CleanerNormalizesFullWidthAndStripsInvisibleCharacters() =>
        Assert.Equal("UID:12345678 abc", InputCleaner.Clean("\uFEFF ＵＩＤ：１２３４５\u200B６７８\u0007\t\u3000ａｂｃ\r\n"));

    [Fact]
    public void MixedScriptsAndControlCharactersAroundValuesAreIgnored()
    {
        Assert.Equal("12345678", Ok(SlotKinds.Uid, "UID\u0001：\u202E12345678\u202C 谢谢").Value);
        Assert.Equal("USDT", Ok(SlotKinds.Coin, "币种\u0000是 USDT 吧").Value);
        Assert.Equal("2025-03-04T13:00:00Z", Ok(SlotKinds.Time, "昨天\u200B晚上9点 yesterday").Value);
    }

    [Fact]
    public void DetailPatternWithConstructsTheLinearEngineCannotRunIsReportedInvalid()
    {
        Assert.False(PatternMatcher.IsValid(@"(a)\1", out var error));
        Assert.NotNull(error);
        Assert.True(PatternMatcher.IsValid("^[0-9]{6,12}$", out _));
    }

    [Fact]
    public void DetailPatternIsNotFooledByTrailingNewline() =>
        Assert.False(PatternMatcher.IsFullMatch("^[0-9]+$", "123\n"));
}
