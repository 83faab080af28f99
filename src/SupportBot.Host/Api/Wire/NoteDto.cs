namespace SupportBot.Host.Api.Wire;

/// <summary>An internal note (never shown to the user).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Agent">Who wrote it: an agent's name, or <c>api:NAME</c> for an integration.</param>
/// <param name="Text">The note.</param>
/// <param name="At">When.</param>
public sealed record NoteDto(long Id, string Agent, string Text, DateTimeOffset At);
