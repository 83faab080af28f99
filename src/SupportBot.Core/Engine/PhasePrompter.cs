using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>Knows what the bot asks in each phase and builds that question again.</summary>
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
            case Phase.Conflict when problem is not null:
                turn.Say(gatherer.ConflictQuestion(problem, state));
                return;
            case Phase.Confirm when problem is not null:
                turn.Say(replies.Summary(problem, state));
                return;
            case Phase.DuplicateOffer when problem is not null && state.TicketFocus is { } open:
                turn.Say(TicketFactory.DuplicateOfferReply(replies, open, problem, state.Locale));
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
            Phase.KnowledgeAnswered => (
                TextKeys.KnowledgeAsk,
                [replies.Choice("solved", locale), replies.Choice("needHelp", locale), replies.Choice("human", locale)],
                Steps.Knowledge),
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
