namespace SupportBot.Channels.Telegram.Wire;

/// <summary>What getFile returns; <see cref="FilePath"/> goes into the download address (with the token).</summary>
internal sealed record TelegramFile
{
    public string FileId { get; init; } = "";

    public string FileUniqueId { get; init; } = "";

    public long? FileSize { get; init; }

    public string? FilePath { get; init; }
}
