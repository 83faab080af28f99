namespace SupportBot.Channels.Telegram.Wire;

/// <summary>A file sent as a document.</summary>
internal sealed record Document
{
    public string FileId { get; init; } = "";

    public string FileUniqueId { get; init; } = "";

    public string? FileName { get; init; }

    public string? MimeType { get; init; }

    public long? FileSize { get; init; }
}
