namespace SupportBot.Core.Tickets;

/// <summary>A file the user sent that is kept with a ticket (bytes on disk under the data folder).</summary>
/// <param name="Id">Store-assigned id, also the file's name on disk; safe for a URL.</param>
/// <param name="FileName">The name the user's client gave it (shown escaped, never used as a path).</param>
/// <param name="ContentType">The type found from the bytes, not the one the client claimed.</param>
/// <param name="Size">Bytes.</param>
/// <param name="At">When it arrived.</param>
public sealed record TicketAttachment(string Id, string FileName, string ContentType, long Size, DateTimeOffset At);
