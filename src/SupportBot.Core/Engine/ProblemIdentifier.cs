using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>Names the problem in free text ("充值三个小时了还没到账"). Returns one problem when one clearly leads,
/// two or three when they are close (the engine then asks which), none when nothing matched.</summary>
internal sealed class ProblemIdentifier
{
    // The leader must beat the runner-up by half again to be taken without asking.
    private const double ClearLead = 1.5;
    private const int MaxCandidates = 3;

    private readonly KeywordMatcher<ProblemDefinition> _matcher;
    private readonly Dictionary<string, ProblemDefinition> _byTitle = new(StringComparer.Ordinal);

    public ProblemIdentifier(DialogCatalog catalog)
    {
        _matcher = new KeywordMatcher<ProblemDefinition>(
            catalog.Problems.Select(p => (p, p.Keywords.Values.SelectMany(k => k))));
        foreach (var problem in catalog.Problems)
        {
            foreach (var locale in problem.Title.Locales)
            {
                _byTitle.TryAdd(TextMatching.NormalizeCommand(problem.Title.Get(locale)), problem);
            }
        }
    }

    public IReadOnlyList<ProblemDefinition> Identify(string text)
    {
        if (_byTitle.TryGetValue(TextMatching.NormalizeCommand(text), out var titled))
        {
            return [titled];
        }

        var scores = _matcher.Score(text);
        if (scores.Count == 0)
        {
            return [];
        }

        if (scores.Count == 1 || scores[0].Score >= scores[1].Score * ClearLead)
        {
            return [scores[0].Target];
        }

        var floor = scores[0].Score / ClearLead;
        return [.. scores.Where(s => s.Score >= floor).Take(MaxCandidates).Select(s => s.Target)];
    }
}
