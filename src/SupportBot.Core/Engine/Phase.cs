namespace SupportBot.Core.Engine;

/// <summary>Where a conversation is in the flow. Stored as a number: keep the values stable.</summary>
public enum Phase
{
    /// <summary>No turn yet.</summary>
    New = 0,

    /// <summary>Waiting for the user to name the problem (menu or free text).</summary>
    Menu = 1,

    /// <summary>Free text matched several problems; waiting for the user to pick one.</summary>
    Clarify = 2,

    /// <summary>Self-help shown; waiting for "solved" or "still need help".</summary>
    SelfHelp = 3,

    /// <summary>Asking for the detail at <see cref="ConversationState.DetailIndex"/>.</summary>
    Gathering = 4,

    /// <summary>Three failed attempts at a detail; offering a human.</summary>
    AttemptsExceeded = 5,

    /// <summary>Summary shown; waiting for confirm / change / cancel.</summary>
    Confirm = 6,

    /// <summary>Waiting for the user to pick the detail to change.</summary>
    EditWhich = 7,

    /// <summary>A ticket was created or self-help solved it; the next message starts afresh.</summary>
    Done = 8,

    /// <summary>The user came back after the idle timeout; offering to continue or start over.</summary>
    IdleResume = 9,

    /// <summary>Waiting for an agent code to verify.</summary>
    VerifyAgent = 10,

    /// <summary>The user has an open ticket on the same problem; waiting for "add to it" or "open a new one".</summary>
    DuplicateOffer = 11,

    /// <summary>A message contradicted a detail given earlier; waiting for which value is right.</summary>
    Conflict = 12,

    /// <summary>A question was answered from a knowledge article; waiting for "did this answer it?". The problem the
    /// question was about (if any) waits in <see cref="ConversationState.ProblemId"/> for a "no".</summary>
    KnowledgeAnswered = 13,
}
