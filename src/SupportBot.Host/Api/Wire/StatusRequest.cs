namespace SupportBot.Host.Api.Wire;

/// <summary>Body of <c>POST /api/tickets/{number}/status</c>.</summary>
public sealed record StatusRequest
{
    /// <summary><c>new</c>, <c>assigned</c>, <c>waiting_on_user</c>, <c>resolved</c> or <c>closed</c>. Required.</summary>
    public string? Status { get; init; }

    /// <summary>The agent acting, optional; moving an unassigned ticket to assigned or waiting_on_user assigns it to
    /// this agent.</summary>
    public string? Agent { get; init; }
}
