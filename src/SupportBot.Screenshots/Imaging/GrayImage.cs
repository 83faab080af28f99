namespace SupportBot.Screenshots.Imaging;

/// <summary>An 8-bit grayscale image, one byte per pixel, rows without padding: what Tesseract and ZXing both read.</summary>
/// <param name="Pixels">Width × height luminance values.</param>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows.</param>
internal sealed record GrayImage(byte[] Pixels, int Width, int Height)
{
    /// <summary>Mean luminance, 0–255, from a sample of pixels (every 7th: enough to tell a dark theme).</summary>
    public int MeanLuminance()
    {
        long sum = 0;
        var count = 0;
        for (var i = 0; i < Pixels.Length; i += 7)
        {
            sum += Pixels[i];
            count++;
        }

        return count == 0 ? 255 : (int)(sum / count);
    }

    /// <summary>A copy with light and dark swapped: Tesseract reads dark text on light far better than the reverse.</summary>
    public GrayImage Inverted()
    {
        var inverted = new byte[Pixels.Length];
        for (var i = 0; i < inverted.Length; i++)
        {
            inverted[i] = (byte)(255 - Pixels[i]);
        }

        return this with { Pixels = inverted };
    }

    /// <summary>Overwrites the pixels with zeros, so what the image showed does not linger in memory longer than the
    /// inspection.</summary>
    public void Wipe() => Array.Clear(Pixels);
}
