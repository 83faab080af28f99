using System.Globalization;
using SupportBot.Core.Activities;

namespace SupportBot.Core.Recognizers;

/// <summary>Screenshots: the message's image attachments. Value and Display are the number of files.</summary>
public sealed class ScreenshotsRecognizer : ISlotRecognizer
{
    /// <summary>Most files accepted when the detail sets no <c>maxCount</c>.</summary>
    public const int DefaultMaxCount = 5;

    /// <summary>Largest file accepted when the detail sets no <c>maxBytes</c> (10 MB).</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <inheritdoc />
    public string Kind => SlotKinds.Screenshots;

    /// <inheritdoc />
    public RecognitionResult Recognize(string text, IReadOnlyList<Attachment> attachments, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (attachments is null || attachments.Count == 0)
        {
            return RecognitionResult.Fail(RecognizerErrors.ScreenshotsNone);
        }

        var maxCount = context.Detail.MaxCount ?? DefaultMaxCount;
        if (attachments.Count > maxCount)
        {
            return RecognitionResult.Fail(RecognizerErrors.ScreenshotsTooMany,
                ("max", maxCount.ToString(CultureInfo.InvariantCulture)));
        }

        var maxBytes = context.Detail.MaxBytes ?? DefaultMaxBytes;
        foreach (var attachment in attachments)
        {
            // The bytes decide when we have them; a declared type is only trusted when we do not.
            var isImage = attachment.Content.IsEmpty
                ? ImageSniffer.IsImageContentType(attachment.ContentType)
                : ImageSniffer.Sniff(attachment.Content.Span) is not null;
            if (!isImage)
            {
                return RecognitionResult.Fail(RecognizerErrors.ScreenshotsNotImage);
            }

            if (Math.Max(attachment.Size, attachment.Content.Length) > maxBytes)
            {
                return RecognitionResult.Fail(RecognizerErrors.ScreenshotsTooLarge, ("maxMb", Megabytes(maxBytes)));
            }
        }

        var count = attachments.Count.ToString(CultureInfo.InvariantCulture);
        return RecognitionResult.Ok(new SlotValue(count, count));
    }

    /// <inheritdoc />
    public SlotValue? Extract(string text, RecognizerContext context) => null;

    private static string Megabytes(long bytes) =>
        Math.Round(bytes / (1024.0 * 1024.0), 1).ToString("0.#", CultureInfo.InvariantCulture);
}
