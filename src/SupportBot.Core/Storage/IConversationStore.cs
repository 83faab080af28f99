using SupportBot.Core.Activities;

namespace SupportBot.Core.Storage;

/// <summary>Conversation state and the atomic turn commit.</summary>
public interface IConversationStore
{
    /// <summary>The conversation's state, or null if it never had a turn.</summary>
    Task<StoredConversation?> LoadAsync(ConversationKey conversation, CancellationToken cancellationToken = default);

    /// <summary>Whether a message with this channel id was already processed in this conversation.</summary>
    Task<bool> WasProcessedAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Writes a turn atomically and returns the new version. Throws
    /// <see cref="ConcurrencyConflictException"/> when <see cref="TurnCommit.ExpectedVersion"/> is not current.</summary>
    Task<long> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The conversation's transcript from <paramref name="fromSeq"/> on, in order.</summary>
    Task<IReadOnlyList<TranscriptLine>> GetTranscriptAsync(
        ConversationKey conversation, long fromSeq = 1, CancellationToken cancellationToken = default);
}
