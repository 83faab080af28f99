using SupportBot.Core.Activities;

namespace SupportBot.Core.Understanding;

/// <summary>A second opinion on what a message is about, asked only when the rules cannot tell (the turn that would
/// otherwise answer "I couldn't tell what the problem is" and show the menu). The engine trusts nothing it returns:
/// an unknown problem id is ignored, and a detail is kept only when it is written in the user's message and our own
/// recognizer accepts it. Implementations must never throw and must be safe to call from many turns at once.</summary>
public interface IProblemClassifier
{
    /// <summary>What <paramref name="text"/> (already redacted by the safety guard) is about, or null when the
    /// classifier cannot tell, is unavailable, failed or is out of budget for <paramref name="conversation"/>.</summary>
    ValueTask<ProblemClassification?> ClassifyAsync(
        ConversationKey conversation, string text, string locale, CancellationToken cancellationToken);
}
