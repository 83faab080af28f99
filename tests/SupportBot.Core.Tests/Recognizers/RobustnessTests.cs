using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class RobustnessTests
{
    // Characters that sit on the edges of every scanner: digits, separators, labels, Chinese numerals and keywords,
    // full-width forms, invisible characters, surrogate halves.
    private const string Alphabet =
        "0123456789abcdefxTZ:-/.,+@ #()_年月日点分半前天昨今晚上下午个小时刚uidUIDtx0x１２：\u200B\u0000\n\uD83D\uDE00两十";

    public static TheoryData<string> Kinds => new(SlotKinds.All.Where(k => k != SlotKinds.Screenshots));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RandomNoiseNeverThrowsAndFailsOnlyWithKnownCodes(string kind)
    {
        var random = new Random(20250305);
        var known = RecognizerErrors.All.Append(RecognizerErrors.TextFormat).ToHashSet();
        var recognizer = Registry.Get(kind);
        var context = For(kind);
        for (var n = 0; n < 1500; n++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            var result = recognizer.Recognize(text, [], context);
            Assert.True(result.Success || known.Contains(result.ErrorCode!), $"{kind}: '{text}' → {result.ErrorCode}");
            Assert.True(result.Success != (result.ErrorCode is not null));
            var extracted = recognizer.Extract(text, context);
            Assert.True(extracted is null || extracted.Value.Length > 0);
        }
    }
}
