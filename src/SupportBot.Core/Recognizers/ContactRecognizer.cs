namespace SupportBot.Core.Recognizers;

/// <summary>Email or phone, whichever the user gives (an '@' means email). Masked when shown back.</summary>
public sealed class ContactRecognizer : TextSlotRecognizer
{
    /// <inheritdoc />
    public override string Kind => SlotKinds.Contact;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var value = text.Contains('@', StringComparison.Ordinal)
            ? EmailRecognizer.Find(text)
            : PhoneRecognizer.Find(text);
        return value is null ? RecognitionResult.Fail(RecognizerErrors.ContactFormat) : RecognitionResult.Ok(value);
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context) =>
        EmailRecognizer.Find(text) ?? PhoneRecognizer.ExtractPhone(text);
}
