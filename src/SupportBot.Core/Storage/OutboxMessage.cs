using SupportBot.Core.Activities;

namespace SupportBot.Core.Storage;

/// <summary>A reply waiting for (or past) delivery to its channel.</summary>
/// <param name="Id">Store-assigned id; order of delivery within a conversation.</param>
/// <param name="Conversation">Where it goes.</param>
/// <param name="Reply">What to send.</param>
/// <param name="CreatedAt">When the turn that produced it committed.</param>
public sealed record OutboxMessage(long Id, ConversationKey Conversation, BotReply Reply, DateTimeOffset CreatedAt)
{
    /// <summary>Delivery attempts so far.</summary>
    public int Attempts { get; init; }
}
