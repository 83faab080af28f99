namespace SupportBot.Core.Recognizers;

/// <summary>Phone number, E.164-ish. Value is "+" and digits as typed (no country guessed); Display is masked
/// ("+86 138****8000").</summary>
public sealed class PhoneRecognizer : TextSlotRecognizer
{
    private static readonly string[] Labels =
        ["phone", "tel", "mobile", "cell", "手机号码", "手机号", "手机", "电话号码", "电话", "联系电话", "联系方式"];

    /// <inheritdoc />
    public override string Kind => SlotKinds.Phone;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context) =>
        Find(text) is { } value ? RecognitionResult.Ok(value) : RecognitionResult.Fail(RecognizerErrors.PhoneFormat);

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context) => ExtractPhone(text);

    /// <summary>The phone number of a whole answer: the only phone-shaped run in it.</summary>
    internal static SlotValue? Find(string text)
    {
        var phones = PhoneNumbers.FindAll(text).Select(p => p.Value).Distinct(StringComparer.Ordinal).ToList();
        return phones.Count == 1 ? ToValue(phones[0]) : null;
    }

    /// <summary>A phone number in a message about something else: after a label, or in +CC form.</summary>
    internal static SlotValue? ExtractPhone(string text)
    {
        var phones = PhoneNumbers.FindAll(text);
        var labelled = Scanning.ValueStartsAfterLabels(text, Labels);
        foreach (var (value, start) in phones)
        {
            if (value.StartsWith('+') || labelled.Contains(start))
            {
                return ToValue(value);
            }
        }

        return null;
    }

    private static SlotValue ToValue(string value) => new(value, Masking.Phone(value));
}
