namespace SupportBot.Channels.Telegram.Wire;

/// <summary>A forum topic createForumTopic made.</summary>
internal sealed record ForumTopic
{
    public long MessageThreadId { get; init; }

    public string Name { get; init; } = "";

    public int IconColor { get; init; }
}
