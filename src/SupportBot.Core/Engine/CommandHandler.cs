using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>The words a user can type at any step (language, help, cancel, menu, restart, human, verify an agent,
/// back). Returns false for a command that means nothing outside its phase (yes, no, skip), so the phase handles it.</summary>
internal sealed class CommandHandler
{
    private readonly DialogCatalog _catalog;
    private readonly ReplyBuilder _replies;
    private readonly DetailGatherer _gatherer;
    private readonly TicketFactory _tickets;
    private readonly EngineOptions _options;

    public CommandHandler(
        DialogCatalog catalog, ReplyBuilder replies, DetailGatherer gatherer, TicketFactory tickets, EngineOptions options)
    {
        _catalog = catalog;
        _replies = replies;
        _gatherer = gatherer;
        _tickets = tickets;
        _options = options;
    }

    public async ValueTask<bool> HandleAsync(Turn turn, string command, CancellationToken ct)
    {
        var state = turn.State;
        switch (command)
        {
            case CommandIds.English or CommandIds.Chinese:
                state.Locale = command == CommandIds.English ? Locales.Supported.English : Locales.Supported.Chinese;
                state.LocaleChosen = true;
                turn.Say(BotReply.Plain(_replies.Text(TextKeys.LanguageSwitched, state.Locale)));
                Reprompt(turn);
                return true;
            case CommandIds.Help:
                turn.Say(BotReply.Plain(_replies.Text(TextKeys.Help, state.Locale)));
                Reprompt(turn);
                return true;
            case CommandIds.Cancel or CommandIds.Menu:
                state.ResetFlow();
                state.Phase = Phase.Menu;
                if (command == CommandIds.Cancel)
                {
                    turn.Say(BotReply.Plain(_replies.Text(TextKeys.Cancelled, state.Locale)));
                }

                Reprompt(turn);
                return true;
            case CommandIds.Restart:
                state.ResetFlow();
                state.Phase = Phase.Menu;
                turn.Say(BotReply.Plain(_replies.Text(TextKeys.Restarted, state.Locale)));
                turn.Say(BotReply.Plain(_replies.Text(TextKeys.Greeting, state.Locale)));
                Reprompt(turn);
                return true;
            case CommandIds.Human:
                var problem = _catalog.FindProblem(state.ProblemId)
                    ?? _catalog.FindProblem(_options.FallbackProblem) ?? _catalog.Problems[^1];
                await _tickets.CreateAsync(turn, problem, _replies.Text(TextKeys.HumanHandoff, state.Locale), ct);
                return true;
            case CommandIds.VerifyAgent when state.Phase != Phase.VerifyAgent:
                state.ResumePhase = state.Phase == Phase.IdleResume ? state.ResumePhase : state.Phase;
                state.Phase = Phase.VerifyAgent;
                Reprompt(turn);
                return true;
            case CommandIds.Back:
                var current = _catalog.FindProblem(state.ProblemId);
                if (current is null || state.Phase is not (Phase.Gathering or Phase.Confirm or Phase.EditWhich)
                    || !_gatherer.Back(turn, current))
                {
                    turn.Say(BotReply.Plain(_replies.Text(TextKeys.NothingToGoBackTo, state.Locale)));
                    Reprompt(turn);
                }

                return true;
            default:
                return false;
        }
    }

    private void Reprompt(Turn turn) => PhasePrompter.Prompt(turn, _catalog, _replies, _gatherer);
}
