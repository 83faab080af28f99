using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>Maps a typed text to the choice whose title it equals ("Deposit not credited", "确认提交"), in any locale,
/// so that typing a button's words works like pressing it. Built once from the catalog; a lookup is one
/// normalization and one dictionary probe, then a check that the choice is on offer in the current phase.</summary>
internal sealed class ChoiceTitleIndex
{
    private readonly Dictionary<string, string> _valueByTitle = new(StringComparer.Ordinal);
    private readonly DialogCatalog _catalog;

    public ChoiceTitleIndex(DialogCatalog catalog)
    {
        _catalog = catalog;
        foreach (var locale in Locales.All)
        {
            foreach (var problem in catalog.Problems)
            {
                _valueByTitle.TryAdd(TextMatching.NormalizeCommand(problem.Title.Get(locale)), ChoiceValues.Problem(problem.Id));
            }

            foreach (var value in TextKeys.ChoiceValues)
            {
                _valueByTitle.TryAdd(TextMatching.NormalizeCommand(catalog.Text(TextKeys.Choice(value)).Get(locale)), value);
            }
        }
    }

    /// <summary>The value of the shown choice whose title <paramref name="text"/> is, or null.</summary>
    public string? Match(string text, ConversationState state)
    {
        var typed = TextMatching.NormalizeCommand(text);
        if (typed.Length == 0)
        {
            return null;
        }

        if (state.Phase == Phase.EditWhich)
        {
            return MatchDetailTitle(typed, state);
        }

        return _valueByTitle.TryGetValue(typed, out var value) && IsOffered(value, state) ? value : null;
    }

    private static bool IsOffered(string value, ConversationState state) => state.Phase switch
    {
        Phase.New or Phase.Menu or Phase.Done => ChoiceValues.ProblemIdOf(value) is not null || value is "verifyAgent" or "human",
        Phase.Clarify => ChoiceValues.ProblemIdOf(value) is { } id && state.ClarifyOptions.Contains(id),
        Phase.SelfHelp => value is "solved" or "needHelp" or "human",
        Phase.Gathering => value == "skip",
        Phase.AttemptsExceeded => value is "human" or "tryAgain",
        Phase.Confirm => value is "confirm" or "edit" or "cancel",
        Phase.DuplicateOffer => value is "addToTicket" or "newTicket",
        Phase.IdleResume => value is "continue" or "startOver",
        _ => false,
    };

    private string? MatchDetailTitle(string typed, ConversationState state)
    {
        var problem = _catalog.FindProblem(state.ProblemId);
        if (problem is null)
        {
            return null;
        }

        foreach (var detail in problem.Details)
        {
            foreach (var locale in detail.Title.Locales)
            {
                if (TextMatching.NormalizeCommand(detail.Title.Get(locale)) == typed)
                {
                    return ChoiceValues.Detail(detail.Id);
                }
            }
        }

        return null;
    }
}
