namespace SupportBot.Core.Knowledge;

/// <summary>Answers a user's question from the knowledge articles, or says nothing when none fits well enough.
/// Implementations must be safe to call from many turns at once.</summary>
public interface IKnowledgeBase
{
    /// <summary>The best passage for <paramref name="question"/> (already redacted by the safety guard) in
    /// <paramref name="locale"/>, preferring articles of <paramref name="problemId"/>; null when no article answers
    /// it confidently.</summary>
    KnowledgeAnswer? Find(string question, string locale, string? problemId);
}
