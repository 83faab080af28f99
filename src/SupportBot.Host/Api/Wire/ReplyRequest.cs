namespace SupportBot.Host.Api.Wire;

/// <summary>Body of <c>POST /api/tickets/{number}/replies</c>.</summary>
public sealed record ReplyRequest
{
    /// <summary>The agent the reply is signed with (name and code), so the user can verify it. Required.</summary>
    public string? Agent { get; init; }

    /// <summary>The message to the user. Required, not blank.</summary>
    public string? Text { get; init; }
}
