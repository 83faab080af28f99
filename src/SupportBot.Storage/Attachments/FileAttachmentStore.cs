using System.Buffers.Text;
using System.Security.Cryptography;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Attachments;

/// <summary>Keeps user files in one folder, each under a random URL-safe id that is also its file name. The content
/// type comes from the bytes (images by <see cref="ImageSniffer"/>, PDF by its magic); anything else, and anything
/// over the size limit, is refused. A file is written to a temporary name and renamed into place, so a reader never
/// sees half a file and a crash leaves no file under a real id. Used by every storage provider.</summary>
public sealed class FileAttachmentStore : IAttachmentStore
{
    private const int IdBytes = 18;
    private const int MaxIdLength = 64;
    private const string TemporarySuffix = ".partial";

    /// <summary>Creates the store on <paramref name="folder"/> (an absolute path; created on first save).</summary>
    public FileAttachmentStore(string folder, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Folder = Path.GetFullPath(folder);
        MaxBytes = maxBytes;
    }

    /// <summary>The folder holding the files.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public long MaxBytes { get; }

    /// <summary>The content type of <paramref name="content"/>, or null when it is not an accepted type.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        return ImageSniffer.Sniff(content) switch
        {
            "png" => "image/png",
            "jpeg" => "image/jpeg",
            "gif" => "image/gif",
            "webp" => "image/webp",
            "heic" => "image/heic",
            _ => null,
        };
    }

    /// <inheritdoc />
    public async Task<TicketAttachment?> SaveAsync(
        string fileName, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.IsEmpty || content.Length > MaxBytes || ContentTypeOf(content.Span) is not { } contentType)
        {
            return null;
        }

        OwnerOnlyFiles.CreateFolder(Folder);
        var id = NewId();
        var path = Path.Combine(Folder, id);
        var temporary = path + TemporarySuffix;
        try
        {
            await using (var file = new FileStream(temporary, OwnerOnlyFiles.NewFile(81920, FileOptions.Asynchronous)))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        return new TicketAttachment(id, fileName, contentType, content.Length, time);
    }

    /// <inheritdoc />
    /// <remarks>An id with anything but letters, digits, <c>-</c> and <c>_</c> (a path, <c>..</c>) names no file
    /// here, so it gets null without touching the file system.</remarks>
    public Task<Stream?> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsValidId(id))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            var path = Path.Combine(Folder, id);
            Stream stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a stored id (letters, digits, <c>-</c>, <c>_</c>).
    /// </summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[IdBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
