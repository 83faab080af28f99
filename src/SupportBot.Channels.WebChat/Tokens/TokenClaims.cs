namespace SupportBot.Channels.WebChat.Tokens;

/// <summary>What a verified token says: the one conversation it reaches, its user and when it stops working.</summary>
/// <param name="ConversationId">The conversation (<c>conv</c> claim).</param>
/// <param name="UserId">The user (<c>user</c> claim, <c>dl_…</c>; Web Chat takes it as its user id).</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
public sealed record TokenClaims(string ConversationId, string UserId, DateTimeOffset ExpiresAt);
