namespace SupportBot.Host.Api.Wire;

/// <summary>A file kept with a ticket.</summary>
/// <param name="Id">Its id.</param>
/// <param name="FileName">The name the user's client gave it.</param>
/// <param name="ContentType">The type found from the bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="At">When it arrived.</param>
public sealed record AttachmentDto(string Id, string FileName, string ContentType, long Size, DateTimeOffset At);
