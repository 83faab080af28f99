using SupportBot.Screenshots.Imaging;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace SupportBot.Screenshots.Qr;

/// <summary>Decodes every QR code in an image with ZXing.Net: a wallet's "export key" screen and an authenticator's
/// setup page show the secret as a QR code, often without the text beside it.</summary>
internal static class QrCodeReader
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
    };

    /// <summary>The text of each QR code found (none when there is none).</summary>
    public static IReadOnlyList<string> ReadAll(GrayImage image)
    {
        var found = Decode(image);
        if (found.Count == 0 && image.MeanLuminance() < 128)
        {
            // A light code on a dark theme: ZXing looks for dark modules.
            found = Decode(image.Inverted());
        }

        return found;
    }

    private static List<string> Decode(GrayImage image)
    {
        var source = new RGBLuminanceSource(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var bitmap = new BinaryBitmap(new HybridBinarizer(source));
        var results = new QRCodeMultiReader().decodeMultiple(bitmap, Hints);
        var texts = new List<string>();
        if (results is null)
        {
            return texts;
        }

        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.Text))
            {
                texts.Add(result.Text);
            }
        }

        return texts;
    }
}
