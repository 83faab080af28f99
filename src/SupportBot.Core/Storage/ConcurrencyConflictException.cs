using SupportBot.Core.Activities;

namespace SupportBot.Core.Storage;

/// <summary>A commit named a version of the conversation that is no longer current.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="conversation"/>.</summary>
    public ConcurrencyConflictException(ConversationKey conversation, long expectedVersion)
        : base($"Conversation {conversation} was changed by someone else (expected version {expectedVersion}).")
    {
        Conversation = conversation;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The conversation.</summary>
    public ConversationKey Conversation { get; }

    /// <summary>The version the commit expected.</summary>
    public long ExpectedVersion { get; }
}
