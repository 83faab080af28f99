using SupportBot.Core.Tickets;

namespace SupportBot.Core.Storage;

/// <summary>Keeps the files users send (screenshots) on disk under the data folder. The content type is found
/// from the bytes; a file over the size limit or of a type not allowed is refused.</summary>
public interface IAttachmentStore
{
    /// <summary>The largest file kept, in bytes.</summary>
    long MaxBytes { get; }

    /// <summary>Stores the bytes and returns the record for the ticket, or null when they are refused (too large,
    /// not an image or PDF); <paramref name="fileName"/> is only remembered, never used as a path.</summary>
    Task<TicketAttachment?> SaveAsync(
        string fileName, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading, or null when there is none with that id.</summary>
    Task<Stream?> OpenAsync(string id, CancellationToken cancellationToken = default);
}
