namespace SupportBot.Core.Recognizers;

/// <summary>Free text (description, error message, handle, link, app version): any non-empty text up to 4,000
/// characters, lines kept; the detail's pattern when it has one.</summary>
public sealed class TextRecognizer : TextSlotRecognizer
{
    /// <summary>The longest free text accepted.</summary>
    public const int TextMaxLength = 4_000;

    /// <inheritdoc />
    public override string Kind => SlotKinds.Text;

    /// <inheritdoc />
    protected override int MaxLength => TextMaxLength;

    /// <inheritdoc />
    protected override bool KeepLineBreaks => true;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context) =>
        context.Detail.Pattern is { } pattern && !PatternMatcher.IsFullMatch(pattern, text)
            ? RecognitionResult.Fail(RecognizerErrors.TextFormat)
            : RecognitionResult.Ok(new SlotValue(text, text));
}
