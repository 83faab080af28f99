namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>One activity in a conversation's log, kept as the exact JSON sent to clients.</summary>
/// <param name="Seq">Position in the log, from 1; the watermark is the seq of the last activity a client has.</param>
/// <param name="Json">The activity as UTF-8 JSON.</param>
/// <param name="FromUser">Whether the user sent it (the echo) rather than the bot or an agent.</param>
/// <param name="OutboxId">For a reply: the outbox message it delivered (delivery is at least once; this dedupes).</param>
/// <param name="ClientActivityId">For the user's activity: a hash of Web Chat's <c>channelData.clientActivityID</c>
/// (<see cref="Protocol.ClientActivityIds.MessageId"/>).</param>
/// <param name="Choices">For a reply with choices: them as JSON (value/title pairs), to map a typed title back.</param>
public sealed record LoggedActivity(
    long Seq, byte[] Json, bool FromUser, long? OutboxId, string? ClientActivityId, string? Choices)
{
    /// <summary>The choices already parsed, when the reply was just written (so the log need not parse
    /// <see cref="Choices"/> back); null for activities loaded from the database.</summary>
    public IReadOnlyList<Core.Activities.ChoiceOption>? ParsedChoices { get; init; }

    /// <summary>What the database keeps instead of <see cref="Json"/>, when the two differ: the user's echo is
    /// stored without the client's <c>clientActivityID</c> and event name (client-chosen text; only the page that sent it needs
    /// it back, live), while <see cref="ClientActivityId"/> holds a hash of it to recognise a retry.</summary>
    public byte[]? StoredJson { get; init; }
}
