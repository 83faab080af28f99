namespace SupportBot.Core.Safety;

/// <summary>Reads an image a user sent (its text and QR codes) before it is kept, and says whether it shows a
/// secret. The router calls it once for every attachment of every channel, before the attachment store sees the
/// bytes. Implementations bound their own work (pixels, time, concurrent runs) and never keep or log the bytes or
/// what they read.</summary>
public interface IImageInspector
{
    /// <summary>Inspects <paramref name="content"/>; <paramref name="context"/> is the conversation's, so a TXID in a
    /// deposit screenshot is judged as it would be in text.</summary>
    Task<ImageVerdict> InspectAsync(ReadOnlyMemory<byte> content, ScanContext context, CancellationToken cancellationToken = default);
}
