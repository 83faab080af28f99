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
        var candidates = CodeCandidates(turn.Text);
        if (candidates.Count == 0)
        {
            Reprompt(turn);
            return;
        }

        // "他说他的工号是 BG-8823": the code is looked up alone, and only the code is said back.
        var code = candidates[0];
        Safety.AgentIdentity? agent = null;
        foreach (var candidate in candidates)
        {
            agent = await _agents.FindByCodeAsync(candidate, ct);
            if (agent is not null)
            {
                code = candidate;
                break;
            }
        }

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

    /// <summary>The words of the message that could be an agent code, most code-like first: the whole message when
    /// it is one word, then ASCII words with a dash ("SB-K3F9QX", "BG-8823"), then words holding digits (at most
    /// five).</summary>
    private static List<string> CodeCandidates(string text)
    {
        var trimmed = text.Trim().ToUpperInvariant();
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= trimmed.Length; i++)
        {
            var inWord = i < trimmed.Length && (char.IsAsciiLetterOrDigit(trimmed[i]) || trimmed[i] is '-' or '_');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(trimmed[start..i].Trim('-', '_'));
                start = -1;
            }
        }

        var candidates = new List<string>();
        if (trimmed.Length is > 0 and <= 32 && words.Count == 1 && words[0] == trimmed)
        {
            candidates.Add(trimmed);
        }

        candidates.AddRange(words.Where(w => w.Length is >= 3 and <= 32 && w.Contains('-', StringComparison.Ordinal)));
        candidates.AddRange(words.Where(w => w.Length is >= 3 and <= 32 && w.Any(char.IsAsciiDigit)));
        if (candidates.Count == 0 && trimmed.Length is > 0 and <= 32)
        {
            // Nothing looks like a code: look the message up as typed, as before.
            candidates.Add(trimmed);
        }

        return [.. candidates.Distinct(StringComparer.Ordinal).Take(5)];
    }

    private void Reprompt(Turn turn) => PhasePrompter.Prompt(turn, _catalog, _replies, _gatherer);
}
