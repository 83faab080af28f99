using SupportBot.Core.Activities;

namespace SupportBot.Core.Storage;

/// <summary>A conversation's persisted dialog state, as the store returns it.</summary>
/// <param name="Key">The conversation.</param>
/// <param name="UserId">The channel's user id.</param>
/// <param name="Version">Optimistic-concurrency version; the next commit must name it.</param>
/// <param name="State">The engine's serialized state (opaque to the store).</param>
public sealed record StoredConversation(ConversationKey Key, string UserId, long Version, byte[] State);
