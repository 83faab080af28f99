namespace SupportBot.Core.Engine;

/// <summary>Step ids reported with replies (<see cref="Activities.BotReply.StepId"/>) besides detail ids, so that
/// scripted tests and channels know what the bot waits for.</summary>
public static class Steps
{
    /// <summary>The problem menu.</summary>
    public const string Menu = "menu";

    /// <summary>Asking whether to add to the open ticket on the same problem or open a new one.</summary>
    public const string DuplicateOffer = "duplicateOffer";

    /// <summary>A clarifying question between problems.</summary>
    public const string Clarify = "clarify";

    /// <summary>Asking which of two contradicting values is right.</summary>
    public const string Conflict = "conflict";

    /// <summary>"Did this answer your question?" after a knowledge article's passage.</summary>
    public const string Knowledge = "knowledge";

    /// <summary>"Did the self-help solve it?".</summary>
    public const string SelfHelp = "selfHelp";

    /// <summary>The summary and confirmation.</summary>
    public const string Confirm = "confirm";

    /// <summary>Which detail to change.</summary>
    public const string EditWhich = "editWhich";

    /// <summary>Three failed attempts; human or try again.</summary>
    public const string AttemptsExceeded = "attemptsExceeded";

    /// <summary>Continue or start over after idling.</summary>
    public const string IdleResume = "idleResume";

    /// <summary>Waiting for an agent code.</summary>
    public const string VerifyAgent = "verifyAgent";
}
