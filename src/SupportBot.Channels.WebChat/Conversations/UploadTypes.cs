using SupportBot.Core.Recognizers;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>What an uploaded file is, from its bytes (as the bot's attachment store decides): an image or a PDF is
/// accepted, anything else is refused whatever type the client declared.</summary>
public static class UploadTypes
{
    /// <summary>The content type and file extension of an accepted file, or null.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return ("application/pdf", ".pdf");
        }

        return ImageSniffer.Sniff(content) switch
        {
            "png" => ("image/png", ".png"),
            "jpeg" => ("image/jpeg", ".jpg"),
            "gif" => ("image/gif", ".gif"),
            "webp" => ("image/webp", ".webp"),
            "heic" => ("image/heic", ".heic"),
            _ => null,
        };
    }

    /// <summary>Whether a refused file's bytes read as text (UTF-8 without control bytes other than white space), so
    /// the guard must see what it says: a seed phrase in a .txt is still a seed phrase sent to us.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty || !System.Text.Unicode.Utf8.IsValid(content))
        {
            return false;
        }

        foreach (var b in content)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                return false;
            }
        }

        return true;
    }
}
