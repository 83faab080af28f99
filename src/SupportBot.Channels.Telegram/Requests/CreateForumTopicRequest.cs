using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>createForumTopic</c>: a topic in a forum supergroup (the bot needs Manage Topics).</summary>
internal sealed record CreateForumTopicRequest(long ChatId, string Name) : BotRequest<ForumTopic>("createForumTopic")
{
    public int? IconColor { get; init; }
}
