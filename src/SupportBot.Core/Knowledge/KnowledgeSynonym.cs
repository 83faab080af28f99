namespace SupportBot.Core.Knowledge;

/// <summary>A word users type for a word the articles use ("cash out" for "withdrawal", "提u" for "提现 USDT"), from
/// <c>dialogs/knowledge/synonyms.yaml</c>; a question containing <see cref="Phrase"/> is searched with
/// <see cref="Means"/> too.</summary>
/// <param name="Locale">The language of the phrase.</param>
/// <param name="Phrase">What users type.</param>
/// <param name="Means">The articles' words for it.</param>
public sealed record KnowledgeSynonym(string Locale, string Phrase, string Means);
