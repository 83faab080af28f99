using SupportBot.Core.Activities;

namespace SupportBot.Host.ConsoleChannel;

/// <summary>Reads a file named by <c>/attach PATH</c> into an attachment.</summary>
internal static class ConsoleAttachment
{
    // Read at most a little over the largest screenshot a dialog allows; the recognizer refuses what is too big.
    private const long MaxReadBytes = 32 * 1024 * 1024;

    public static Attachment? Read(string path, TextWriter error)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            error.WriteLine($"/attach: no file at '{path}'.");
            return null;
        }

        var bytes = file.Length <= MaxReadBytes ? File.ReadAllBytes(file.FullName) : [];
        var contentType = Core.Recognizers.ImageSniffer.Sniff(bytes) ?? "application/octet-stream";
        return new Attachment(file.Name, contentType, file.Length) { Content = bytes };
    }
}
