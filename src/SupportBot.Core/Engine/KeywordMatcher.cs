namespace SupportBot.Core.Engine;

/// <summary>Scores texts against keyword lists: the sum of the weights of the keywords found as substrings,
/// case-insensitive. A CJK character weighs three Latin ones, because a two-character Chinese word says about as
/// much as a six-letter English one.</summary>
/// <typeparam name="T">What the keywords identify (a problem, an FAQ entry).</typeparam>
public sealed class KeywordMatcher<T>
    where T : class
{
    private readonly (string Keyword, int Weight, T Target)[] _keywords;

    /// <summary>Builds the matcher from targets and their keywords (all locales together).</summary>
    public KeywordMatcher(IEnumerable<(T Target, IEnumerable<string> Keywords)> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _keywords =
        [
            .. targets.SelectMany(t => t.Keywords
                .Where(k => !string.IsNullOrWhiteSpace(k))
                .Select(k => (TextMatching.LowerAscii(k.Trim()), Weigh(k.Trim()), t.Target))),
        ];
    }

    /// <summary>Targets with a positive score, best first.</summary>
    public List<(T Target, int Score)> Score(string text)
    {
        var scores = new List<(T Target, int Score)>();
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return scores;
        }

        var lowered = TextMatching.LowerAscii(text);
        foreach (var (keyword, weight, target) in _keywords)
        {
            if (!lowered.Contains(keyword, StringComparison.Ordinal))
            {
                continue;
            }

            var index = IndexOf(scores, target);
            if (index < 0)
            {
                scores.Add((target, weight));
            }
            else
            {
                scores[index] = (target, scores[index].Score + weight);
            }
        }

        scores.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scores;
    }

    // A plain loop: FindIndex with a lambda would allocate a closure for every matching keyword.
    private static int IndexOf(List<(T Target, int Score)> scores, T target)
    {
        for (var i = 0; i < scores.Count; i++)
        {
            if (ReferenceEquals(scores[i].Target, target))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Weigh(string keyword)
    {
        var weight = 0;
        foreach (var c in keyword)
        {
            weight += c >= '\u2E80' ? 3 : char.IsWhiteSpace(c) ? 0 : 1;
        }

        return weight;
    }
}
