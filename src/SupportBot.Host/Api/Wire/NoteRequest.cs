namespace SupportBot.Host.Api.Wire;

/// <summary>Body of <c>POST /api/tickets/{number}/notes</c>.</summary>
public sealed record NoteRequest
{
    /// <summary>The agent who writes it; without one the note is signed <c>api:KEYNAME</c>.</summary>
    public string? Agent { get; init; }

    /// <summary>The note. Required, not blank.</summary>
    public string? Text { get; init; }
}
