namespace SupportBot.AI;

/// <summary>What asking for a draft reply gave: a draft, or why there is none.</summary>
/// <param name="Outcome">Whether there is a draft.</param>
/// <param name="Draft">The checked draft when <paramref name="Outcome"/> is <see cref="SuggestedReplyOutcome.Drafted"/>.</param>
public sealed record SuggestedReply(SuggestedReplyOutcome Outcome, string? Draft = null);

/// <summary>Outcomes of <see cref="ReplySuggester.SuggestAsync"/>.</summary>
public enum SuggestedReplyOutcome
{
    /// <summary>A draft passed the output check.</summary>
    Drafted,

    /// <summary><c>AI:Enabled</c> is false: no call was made.</summary>
    AiOff,

    /// <summary>There is no such ticket.</summary>
    NoTicket,

    /// <summary>The model failed, was slow, its breaker is open, or its text was dropped by the output check.</summary>
    Unavailable,
}
