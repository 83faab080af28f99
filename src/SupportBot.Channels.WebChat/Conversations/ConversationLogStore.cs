using System.Collections.Concurrent;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>The conversations' logs: in memory once touched, loaded from <see cref="WebChatDatabase"/> on first use
/// (after a restart), so a reloaded page or a reconnecting socket finds its history.</summary>
public sealed class ConversationLogStore
{
    private readonly ConcurrentDictionary<string, Lazy<ConversationLog?>> _logs = new(StringComparer.Ordinal);
    private readonly WebChatDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    public ConversationLogStore(WebChatDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>The database behind the logs.</summary>
    public WebChatDatabase Database => _database;

    /// <summary>The log of a started conversation, or null.</summary>
    public ConversationLog? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var lazy = _logs.GetOrAdd(id, static (key, db) => new Lazy<ConversationLog?>(() => db.Load(key)), _database);
        var log = lazy.Value;
        if (log is null)
        {
            // Not started (yet): do not keep the miss, a start may follow.
            _logs.TryRemove(new KeyValuePair<string, Lazy<ConversationLog?>>(id, lazy));
        }

        return log;
    }

    /// <summary>Starts conversation <paramref name="id"/> for <paramref name="userId"/> (durably); returns its log and
    /// whether this call created it.</summary>
    public async Task<(ConversationLog Log, bool Created)> StartAsync(string id, string userId)
    {
        if (Find(id) is { } existing)
        {
            return (existing, false);
        }

        await _database.AddConversationAsync(id, userId, _time.GetUtcNow());
        var created = new ConversationLog(id, userId, []);
        var lazy = _logs.GetOrAdd(id, new Lazy<ConversationLog?>(created));
        return (lazy.Value ?? created, ReferenceEquals(lazy.Value, created));
    }
}
