namespace SupportBot.Core.Activities;

/// <summary>A file the user sent. Channels fill <see cref="Content"/> when they have the bytes in hand.</summary>
/// <param name="Name">The file name as the user's client gave it.</param>
/// <param name="ContentType">The content type the channel declared; recognizers check the bytes where present.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ContentUrl">Where the channel keeps it, when the bytes are not inline.</param>
public sealed record Attachment(string Name, string ContentType, long Size, string? ContentUrl = null)
{
    /// <summary>The bytes, when the channel downloaded them; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }
}
