namespace SupportBot.Host.Api.Wire;

/// <summary>One line of the audit history.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: <c>agent:NAME</c>, <c>user</c>, <c>system</c>, <c>api:KEYNAME</c> or
/// <c>api:KEYNAME/agent:NAME</c>.</param>
/// <param name="Action">What: <c>created</c>, <c>status</c>, <c>assigned</c>, <c>priority</c>, <c>reply</c>,
/// <c>note</c> ….</param>
/// <param name="Detail">The change in words, e.g. <c>new → assigned</c>.</param>
public sealed record HistoryEntryDto(DateTimeOffset At, string Actor, string Action, string? Detail);
