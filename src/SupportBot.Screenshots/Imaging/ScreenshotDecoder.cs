using SkiaSharp;

namespace SupportBot.Screenshots.Imaging;

/// <summary>Decodes an uploaded image (PNG, JPEG, WebP, GIF's first frame) with SkiaSharp into a grayscale image
/// scaled for reading: text on a 1080-pixel-wide phone screenshot is larger than Tesseract needs, and fewer pixels
/// is the cheapest speed-up there is. Images over the pixel limit are not decoded at all (a small file can claim
/// enormous dimensions).</summary>
internal static unsafe class ScreenshotDecoder
{
    /// <summary>The image as grayscale at most <paramref name="maxWidth"/>, or null when the
    /// bytes are not a decodable image or declare more than <paramref name="maxPixels"/> pixels.</summary>
    public static GrayImage? Decode(ReadOnlySpan<byte> content, int maxWidth, long maxPixels)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels)
        {
            return null;
        }

        // JPEG can decode at 1/2, 1/4 … directly, which is much cheaper than decoding in full and scaling.
        var scale = Math.Min(1f, (float)maxWidth / info.Width);
        var size = codec.GetScaledDimensions(scale);
        if (size.Width < (int)(info.Width * scale))
        {
            size = info.Size;
        }

        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var targetWidth = Math.Min(maxWidth, size.Width);
        var targetHeight = (int)Math.Max(1, Math.Round((double)size.Height * targetWidth / size.Width));
        if (targetWidth == size.Width)
        {
            return ToGray(decoded);
        }

        using var scaled = new SKBitmap(new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        return decoded.ScalePixels(scaled, new SKSamplingOptions(SKCubicResampler.Mitchell)) ? ToGray(scaled) : null;
    }

    private static GrayImage ToGray(SKBitmap bitmap)
    {
        var width = bitmap.Width;
        var height = bitmap.Height;
        var gray = new byte[width * height];
        var rowBytes = bitmap.RowBytes;
        var rgba = new Span<byte>((void*)bitmap.GetPixels(), rowBytes * height);
        for (var y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * rowBytes, width * 4);
            var outRow = y * width;
            for (var x = 0; x < width; x++)
            {
                var p = x * 4;
                var alpha = row[p + 3];
                // Rec. 601 luma in integers; transparent pixels count as white (how a chat app shows them).
                var luma = ((299 * row[p]) + (587 * row[p + 1]) + (114 * row[p + 2])) / 1000;
                gray[outRow + x] = (byte)(((luma * alpha) + (255 * (255 - alpha))) / 255);
            }

            // Wipes the decoded colour row as it goes: only the gray copy is left when this returns.
            rgba.Slice(y * rowBytes, width * 4).Clear();
        }

        return new GrayImage(gray, width, height);
    }
}
