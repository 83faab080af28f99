namespace SupportBot.Core.Recognizers;

/// <summary>Tells an image format from the first bytes of a file, so a renamed executable is not taken for a
/// screenshot.</summary>
public static class ImageSniffer
{
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    private static readonly HashSet<string> ImageContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/jpg", "image/pjpeg", "image/gif", "image/webp", "image/heic", "image/heif",
    };

    /// <summary>"png", "jpeg", "gif", "webp" or "heic"; null when the bytes are none of these.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpeg";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(bytes.Slice(8, 4));
            return HeifBrands.Contains(brand, StringComparer.Ordinal) ? "heic" : null;
        }

        return null;
    }

    /// <summary>Whether a declared content type is an image type we accept (SVG is not: it can carry script).</summary>
    public static bool IsImageContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var bare = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
        return ImageContentTypes.Contains(bare);
    }
}
