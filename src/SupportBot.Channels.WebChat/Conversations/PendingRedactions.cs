using System.Collections.Concurrent;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>The user messages being routed right now whose echo is not written yet. When the safety guard finds a
/// secret it asks the channel to delete the message; for web chat that means the echo is written redacted, so the
/// secret never reaches the log and the page replaces the bubble it showed with the redacted one.</summary>
public sealed class PendingRedactions
{
    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);

    /// <summary>The message is about to be routed.</summary>
    public void Begin(string conversationId, string messageId) => _pending[Key(conversationId, messageId)] = false;

    /// <summary>Marks the message for redaction; false when it is not pending (then nothing can be done).</summary>
    public bool Flag(string conversationId, string messageId)
    {
        var key = Key(conversationId, messageId);
        if (!_pending.ContainsKey(key))
        {
            return false;
        }

        _pending[key] = true;
        return true;
    }

    /// <summary>The message was routed; returns whether it must be echoed redacted.</summary>
    public bool End(string conversationId, string messageId) =>
        _pending.TryRemove(Key(conversationId, messageId), out var flagged) && flagged;

    private static string Key(string conversationId, string messageId) => conversationId + "\n" + messageId;
}
