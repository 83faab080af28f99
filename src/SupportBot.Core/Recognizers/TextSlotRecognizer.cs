using SupportBot.Core.Activities;

namespace SupportBot.Core.Recognizers;

/// <summary>Base of the recognizers that read typed text: applies the length limit and input hygiene once, so each
/// kind only sees a cleaned, non-empty string.</summary>
public abstract class TextSlotRecognizer : ISlotRecognizer
{
    /// <summary>The longest input accepted for structured kinds.</summary>
    public const int StructuredMaxLength = 2_000;

    /// <summary>Extract ignores messages longer than this: nothing unambiguous is hidden in a wall of text, and the
    /// scan stays cheap.</summary>
    public const int ExtractMaxLength = 20_000;

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>The longest input accepted (characters, before cleaning).</summary>
    protected virtual int MaxLength => StructuredMaxLength;

    /// <summary>Whether line breaks survive cleaning.</summary>
    protected virtual bool KeepLineBreaks => false;

    /// <inheritdoc />
    public RecognitionResult Recognize(string text, IReadOnlyList<Attachment> attachments, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            return RecognitionResult.Fail(RecognizerErrors.TooLong,
                ("max", MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var cleaned = InputCleaner.Clean(text, KeepLineBreaks);
        return cleaned.Length == 0 ? RecognitionResult.Fail(RecognizerErrors.Empty) : RecognizeClean(cleaned, context);
    }

    /// <inheritdoc />
    public SlotValue? Extract(string text, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(text) || text.Length > ExtractMaxLength)
        {
            return null;
        }

        var cleaned = InputCleaner.Clean(text);
        return cleaned.Length == 0 ? null : ExtractClean(cleaned, context);
    }

    /// <summary>Recognizes a cleaned, non-empty answer.</summary>
    protected abstract RecognitionResult RecognizeClean(string text, RecognizerContext context);

    /// <summary>Finds the detail in a cleaned message about something else; null by default.</summary>
    protected virtual SlotValue? ExtractClean(string text, RecognizerContext context) => null;
}
