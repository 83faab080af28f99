using System.Text;
using SupportBot.Core.Knowledge;

namespace SupportBot.Knowledge;

/// <summary>Adds the articles' words to a question that uses users' words for them ("cashing out" → "… withdrawal",
/// "提u" → "… 提现 USDT"). Latin phrases match whole words, case-insensitively; Chinese phrases match anywhere.</summary>
internal sealed class SynonymExpander
{
    private readonly Dictionary<string, List<KnowledgeSynonym>> _byLocale = new(StringComparer.Ordinal);

    public SynonymExpander(IEnumerable<KnowledgeSynonym> synonyms)
    {
        foreach (var synonym in synonyms)
        {
            if (!_byLocale.TryGetValue(synonym.Locale, out var list))
            {
                _byLocale[synonym.Locale] = list = [];
            }

            list.Add(synonym);
        }
    }

    /// <summary>The question followed by the meaning of every synonym phrase it contains.</summary>
    public string Expand(string question, string locale)
    {
        if (!_byLocale.TryGetValue(locale, out var synonyms))
        {
            return question;
        }

        var lowered = question.ToLowerInvariant();
        StringBuilder? expanded = null;
        foreach (var synonym in synonyms)
        {
            if (Contains(lowered, synonym.Phrase))
            {
                (expanded ??= new StringBuilder(question)).Append(' ').Append(synonym.Means);
            }
        }

        return expanded?.ToString() ?? question;
    }

    private static bool Contains(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            // "pw" is a word in "my pw is wrong" but not inside "upward"; next to Chinese characters ("提u") it is.
            var end = at + phrase.Length;
            if ((at == 0 || !IsLatinOrDigit(text[at - 1]) || !IsLatinOrDigit(phrase[0]))
                && (end == text.Length || !IsLatinOrDigit(text[end]) || !IsLatinOrDigit(phrase[^1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLatinOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
