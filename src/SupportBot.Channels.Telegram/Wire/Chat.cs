namespace SupportBot.Channels.Telegram.Wire;

/// <summary>A chat: <c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</summary>
internal sealed record Chat
{
    public const string PrivateType = "private";

    public long Id { get; init; }

    public string Type { get; init; } = "";

    public string? Title { get; init; }

    public bool? IsForum { get; init; }
}
