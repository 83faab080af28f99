namespace SupportBot.Core.Recognizers;

/// <summary>Email address. Value is the address lower-cased; Display is masked ("j***@gmail.com").</summary>
public sealed class EmailRecognizer : TextSlotRecognizer
{
    /// <inheritdoc />
    public override string Kind => SlotKinds.Email;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context) =>
        Find(text) is { } value ? RecognitionResult.Ok(value) : RecognitionResult.Fail(RecognizerErrors.EmailFormat);

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context) => Find(text);

    /// <summary>The first email address in the text, as a slot value.</summary>
    internal static SlotValue? Find(string text)
    {
        var emails = EmailAddresses.FindAll(text);
        return emails.Count == 0 ? null : new SlotValue(emails[0], Masking.Email(emails[0]));
    }
}
