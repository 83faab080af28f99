namespace SupportBot.Channels.Telegram.Wire;

/// <summary>One resolution of a photo.</summary>
internal sealed record PhotoSize
{
    public string FileId { get; init; } = "";

    public string FileUniqueId { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }

    public long? FileSize { get; init; }
}
