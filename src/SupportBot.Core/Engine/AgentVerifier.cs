using System.Globalization;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;

namespace SupportBot.Core.Engine;

/// <summary>"Is this really support?": looks up the agent code the user was shown and says whether it belongs to an
/// active agent, a former one, or nobody, then returns to where the conversation was.</summary>
internal sealed class AgentVerifier
{
    private readonly IAgentDirectory _agents;
    private readonly DialogCatalog _catalog;
    private readonly ReplyBuilder _replies;
    private readonly DetailGatherer _gatherer;

    public AgentVerifier(IAgentDirectory agents, DialogCatalog catalog, ReplyBuilder replies, DetailGatherer gatherer)
    {
        _agents = agents;
        _catalog = catalog;
        _replies = replies;
        _gatherer = gatherer;
    }

    public async ValueTask VerifyAsync(Turn turn, CancellationToken ct)
    {
        var state = turn.State;
        var code = turn.Text.Trim().ToUpperInvariant();
        if (code.Length is 0 or > 32)
        {
            Reprompt(turn);
            return;
        }

        var agent = await _agents.FindByCodeAsync(code, ct);
        var key = agent is null ? TextKeys.VerifyUnknown : agent.Active ? TextKeys.VerifyValid : TextKeys.VerifyInactive;
        turn.Say(BotReply.Plain(_replies.Text(key, state.Locale, ("code", agent?.Code ?? code), ("name", agent?.DisplayName ?? ""))));
        state.Phase = state.ResumePhase is Phase.New or Phase.VerifyAgent ? Phase.Menu : state.ResumePhase;
        if (state.VerifyInLive is { } live)
        {
            // Asked from the live chat: the menu would suggest the bot took over, but the next message goes to the agent.
            state.VerifyInLive = null;
            turn.Say(new BotReply(
                _replies.Text(TextKeys.LiveBack, state.Locale, ("number", live.ToString(CultureInfo.InvariantCulture))), [])
            {
                TicketNumber = live,
            });
            return;
        }

        Reprompt(turn);
    }

    private void Reprompt(Turn turn) => PhasePrompter.Prompt(turn, _catalog, _replies, _gatherer);
}
