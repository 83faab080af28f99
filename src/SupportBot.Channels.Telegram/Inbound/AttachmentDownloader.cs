using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Fetches a message's photo or document (getFile, then the download) so the bot holds the bytes; the
/// download address holds the token and is never logged, shown or kept. Files over the limit are refused before
/// anything is downloaded when Telegram tells the size, and while downloading when it does not.</summary>
internal sealed class AttachmentDownloader
{
    private readonly TelegramApiClient _client;
    private readonly TelegramOptions _options;
    private readonly ILogger<AttachmentDownloader> _log;

    public AttachmentDownloader(TelegramApiClient client, IOptions<TelegramOptions> options, ILogger<AttachmentDownloader> log)
    {
        _client = client;
        _options = options.Value;
        _log = log;
    }

    public async Task<DownloadResult> DownloadAsync(Message message, CancellationToken ct)
    {
        string fileId, name, contentType;
        long? declared;
        if (message.Photo is { Length: > 0 } sizes)
        {
            // The sizes come smallest first; the largest that fits the limit is the best we may take.
            var photo = sizes.LastOrDefault(s => s.FileSize is null || s.FileSize <= _options.MaxFileBytes);
            if (photo is null)
            {
                return DownloadResult.Refused(TelegramTexts.FileTooLarge);
            }

            (fileId, name, contentType, declared) = (photo.FileId, "photo-" + photo.FileUniqueId + ".jpg", "image/jpeg", photo.FileSize);
        }
        else if (message.Document is { } document)
        {
            (fileId, name, contentType, declared) = (
                document.FileId,
                string.IsNullOrWhiteSpace(document.FileName) ? "document-" + document.FileUniqueId : document.FileName,
                document.MimeType ?? "application/octet-stream",
                document.FileSize);
        }
        else
        {
            return DownloadResult.None;
        }

        if (declared > _options.MaxFileBytes)
        {
            return DownloadResult.Refused(TelegramTexts.FileTooLarge);
        }

        try
        {
            var file = await _client.GetFile(fileId, ct);
            if (file.FileSize > _options.MaxFileBytes)
            {
                return DownloadResult.Refused(TelegramTexts.FileTooLarge);
            }

            if (string.IsNullOrEmpty(file.FilePath))
            {
                return DownloadResult.Refused(TelegramTexts.FileFailed);
            }

            var bytes = await _client.DownloadFileAsync(file.FilePath, _options.MaxFileBytes, ct);
            if (bytes is null)
            {
                return DownloadResult.Refused(TelegramTexts.FileTooLarge);
            }

            return new DownloadResult([new Attachment(name, contentType, bytes.Length) { Content = bytes }], null);
        }
        catch (RequestException ex)
        {
            _log.LogWarning("Receiving a file from Telegram failed ({Type}); the user is asked to send it again.", ex.GetType().Name);
            return DownloadResult.Refused(TelegramTexts.FileFailed);
        }
    }
}

/// <summary>The attachments fetched, or the text key of why the file was refused.</summary>
internal sealed record DownloadResult(IReadOnlyList<Attachment> Attachments, string? RefusalKey)
{
    public static DownloadResult None { get; } = new([], null);

    public static DownloadResult Refused(string key) => new([], key);
}
