using SupportBot.Core.Safety;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>How a desk action ended.</summary>
public enum DeskOutcome
{
    /// <summary>Done; <see cref="DeskResult.Ticket"/> is the ticket now.</summary>
    Done,

    /// <summary>No such ticket.</summary>
    NotFound,

    /// <summary>Another agent has it (<see cref="DeskResult.ClaimedBy"/>), or claimed it in the same instant.</summary>
    AlreadyClaimed,

    /// <summary>The outbound guard stopped the text (<see cref="DeskResult.BlockedSecret"/>): it asked for or held a secret.</summary>
    Blocked,

    /// <summary>The ticket cannot go to that status from where it is, or the action needs something missing
    /// (<see cref="DeskResult.Problem"/> says what).</summary>
    Invalid,
}

/// <summary>The result of a desk action.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Ticket">The ticket after the action (or as it is, when refused), null when not found.</param>
public sealed record DeskResult(DeskOutcome Outcome, Ticket? Ticket)
{
    /// <summary>For <see cref="DeskOutcome.AlreadyClaimed"/>: the agent who has it.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>For <see cref="DeskOutcome.Blocked"/>: the kind of secret.</summary>
    public SecretKind? BlockedSecret { get; init; }

    /// <summary>For <see cref="DeskOutcome.Invalid"/>: what is wrong, in English for agents and API clients.</summary>
    public string? Problem { get; init; }

    /// <summary>Whether it was done.</summary>
    public bool Succeeded => Outcome == DeskOutcome.Done;
}
