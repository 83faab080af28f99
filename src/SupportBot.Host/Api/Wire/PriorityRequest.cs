namespace SupportBot.Host.Api.Wire;

/// <summary>Body of <c>POST /api/tickets/{number}/priority</c>.</summary>
public sealed record PriorityRequest
{
    /// <summary><c>urgent</c>, <c>high</c>, <c>normal</c> or <c>low</c>. Required.</summary>
    public string? Priority { get; init; }
}
