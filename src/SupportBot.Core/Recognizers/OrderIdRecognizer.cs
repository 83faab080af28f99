namespace SupportBot.Core.Recognizers;

/// <summary>Order id or withdrawal id: by default 6–32 letters and digits with at least one digit ('-' and '_' allowed
/// inside); the detail's pattern when it has one. A label around it is accepted ("order id: 1234567890").</summary>
public sealed class OrderIdRecognizer : TextSlotRecognizer
{
    private const int MinLength = 6;
    private const int MaxLength32 = 32;

    /// <inheritdoc />
    public override string Kind => SlotKinds.OrderId;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var pattern = context.Detail.Pattern;
        bool Fits(string v) => pattern is null ? IsDefault(v) : PatternMatcher.IsFullMatch(pattern, v);
        if (Fits(text))
        {
            return RecognitionResult.Ok(new SlotValue(text, text));
        }

        var matches = Scanning.AlnumRuns(text, "-_").Select(t => t.Of(text)).Where(Fits)
            .Distinct(StringComparer.Ordinal).ToList();
        if (matches.Count > 1)
        {
            // "order 12345678" under a letters-allowed pattern: the word with digits is the id.
            matches = matches.Where(m => m.Any(char.IsAsciiDigit)).ToList();
        }

        return matches.Count == 1
            ? RecognitionResult.Ok(new SlotValue(matches[0], matches[0], text))
            : RecognitionResult.Fail(RecognizerErrors.OrderIdFormat);
    }

    private static bool IsDefault(string v) =>
        v.Length is >= MinLength and <= MaxLength32 && Scanning.IsAsciiAlnum(v[0]) && Scanning.IsAsciiAlnum(v[^1]) &&
        v.All(c => Scanning.IsAsciiAlnum(c) || c is '-' or '_') && v.Any(char.IsAsciiDigit);
}
