namespace SupportBot.Core.Activities;

/// <summary>Identifies one conversation: the channel it lives in and the channel's own conversation id.</summary>
/// <param name="Channel">The channel name, e.g. <c>console</c>, <c>webchat</c>, <c>telegram</c>, <c>discord</c>.</param>
/// <param name="Id">The channel's conversation (chat) id.</param>
public sealed record ConversationKey(string Channel, string Id)
{
    /// <inheritdoc />
    public override string ToString() => Channel + ":" + Id;
}
