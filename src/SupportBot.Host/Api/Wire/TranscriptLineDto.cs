namespace SupportBot.Host.Api.Wire;

/// <summary>One line of the conversation.</summary>
/// <param name="Direction"><c>user</c>, <c>bot</c>, <c>agent</c> or <c>system</c>.</param>
/// <param name="Text">The text (the user's lines are redacted).</param>
/// <param name="At">When.</param>
public sealed record TranscriptLineDto(string Direction, string Text, DateTimeOffset At);
