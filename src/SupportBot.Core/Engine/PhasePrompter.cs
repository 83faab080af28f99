using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>Knows what the bot asks in each phase: builds that question again, and recognizes typed text that equals
/// one of its choice titles (in any locale), so "Deposit not credited" typed by hand works like the button.</summary>
internal static class PhasePrompter
{
    public static void Prompt(Turn turn, DialogCatalog catalog, ReplyBuilder replies, DetailGatherer gatherer)
    {
        var state = turn.State;
        var problem = catalog.FindProblem(state.ProblemId);
        switch (state.Phase)
        {
            case Phase.Gathering when problem is not null:
                gatherer.Reprompt(turn, problem);
                return;
            case Phase.AttemptsExceeded when problem is not null:
                turn.Say(gatherer.AttemptsExceededReply(problem, problem.Details[state.DetailIndex], state.Locale));
                return;
            case Phase.Confirm when problem is not null:
                turn.Say(replies.Summary(problem, state));
                return;
            default:
                var (key, choices, step) = Question(state, catalog, replies, state.Locale);
                var args = ("problem", problem?.Title.Get(state.Locale) ?? "");
                turn.Say(new BotReply(replies.Text(key, state.Locale, args), choices)
                {
                    ProblemId = problem?.Id,
                    StepId = step,
                });
                return;
        }
    }

    public static string? MatchChoiceTitle(Turn turn, DialogCatalog catalog, ReplyBuilder replies)
    {
        var typed = TextMatching.NormalizeCommand(turn.Text);
        if (typed.Length == 0)
        {
            return null;
        }

        foreach (var locale in Locales.All)
        {
            var choices = turn.State.Phase switch
            {
                Phase.New or Phase.Menu or Phase.Done => replies.MenuChoices(locale),
                Phase.Gathering or Phase.AttemptsExceeded or Phase.Confirm => ChoicesOfDetailPhases(turn, catalog, replies, locale),
                _ => Question(turn.State, catalog, replies, locale).Choices,
            };
            foreach (var choice in choices)
            {
                if (TextMatching.NormalizeCommand(choice.Title) == typed)
                {
                    return choice.Value;
                }
            }
        }

        return null;
    }

    private static IReadOnlyList<ChoiceOption> ChoicesOfDetailPhases(
        Turn turn, DialogCatalog catalog, ReplyBuilder replies, string locale) =>
        turn.State.Phase switch
        {
            Phase.Gathering => [replies.Choice("skip", locale)],
            Phase.AttemptsExceeded => [replies.Choice("human", locale), replies.Choice("tryAgain", locale)],
            _ => [replies.Choice("confirm", locale), replies.Choice("edit", locale), replies.Choice("cancel", locale)],
        };

    private static (string Key, IReadOnlyList<ChoiceOption> Choices, string Step) Question(
        ConversationState state, DialogCatalog catalog, ReplyBuilder replies, string locale)
    {
        var problem = catalog.FindProblem(state.ProblemId);
        return state.Phase switch
        {
            Phase.Clarify => (
                TextKeys.Clarify,
                [.. state.ClarifyOptions.Select(catalog.FindProblem).OfType<ProblemDefinition>()
                    .Select(p => ReplyBuilder.ProblemChoice(p, locale))],
                Steps.Clarify),
            Phase.SelfHelp => (
                TextKeys.SelfHelpAsk,
                [replies.Choice("solved", locale), replies.Choice("needHelp", locale), replies.Choice("human", locale)],
                Steps.SelfHelp),
            Phase.EditWhich when problem is not null => (
                TextKeys.EditWhich,
                [.. problem.Details.Where(d => state.Values.ContainsKey(d.Id))
                    .Select(d => new ChoiceOption(ChoiceValues.Detail(d.Id), d.Title.Get(locale)))],
                Steps.EditWhich),
            Phase.IdleResume => (
                TextKeys.IdleResume,
                [replies.Choice("continue", locale), replies.Choice("startOver", locale)],
                Steps.IdleResume),
            Phase.VerifyAgent => (TextKeys.VerifyAsk, [], Steps.VerifyAgent),
            _ => (TextKeys.MenuPrompt, replies.MenuChoices(locale), Steps.Menu),
        };
    }
}
