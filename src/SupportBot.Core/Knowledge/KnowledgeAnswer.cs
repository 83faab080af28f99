namespace SupportBot.Core.Knowledge;

/// <summary>The passage of a knowledge article that answers a question.</summary>
/// <param name="ArticleId">The article's id (the same in every language).</param>
/// <param name="Title">The article's title in the answer's language.</param>
/// <param name="Passage">The paragraph that matched best.</param>
/// <param name="Confidence">How much of the question the passage's article covers, 0–1 (the search decided it is
/// enough to answer).</param>
/// <param name="Problems">The problems the article belongs to (none: it concerns every problem).</param>
public sealed record KnowledgeAnswer(string ArticleId, string Title, string Passage, double Confidence, IReadOnlyList<string> Problems);
