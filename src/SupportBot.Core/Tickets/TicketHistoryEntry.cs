namespace SupportBot.Core.Tickets;

/// <summary>One line of a ticket's audit history.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: <c>agent:NAME</c>, <c>user</c>, <c>system</c> or <c>api:KEYNAME</c>.</param>
/// <param name="Action">What, one word: <c>created</c>, <c>status</c>, <c>assigned</c>, <c>priority</c>, <c>reply</c>,
/// <c>note</c>, <c>details</c>, <c>attachment</c>, <c>rating</c>, <c>reopened</c>, <c>unreachable</c>.</param>
/// <param name="Detail">The change in words, e.g. <c>new → assigned</c>; never message text.</param>
public sealed record TicketHistoryEntry(DateTimeOffset At, string Actor, string Action, string? Detail);
