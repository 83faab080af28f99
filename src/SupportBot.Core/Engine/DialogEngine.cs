using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Engine;

/// <summary>Runs one turn of a conversation: state + the user's (redacted) message → replies and maybe a ticket.
/// It knows no channel and does no I/O beyond reserving ticket numbers and looking up agent codes; the router
/// stores what it produced in one transaction.</summary>
public sealed class DialogEngine
{
    private readonly DialogCatalog _catalog;
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ReplyBuilder _replies;
    private readonly DetailGatherer _gatherer;
    private readonly TicketFactory _tickets;
    private readonly ProblemIdentifier _identifier;
    private readonly ChoiceTitleIndex _choiceTitles;
    private readonly CommandHandler _commands;
    private readonly AgentVerifier _verifier;
    private readonly HumanRequest _human;
    private readonly KnowledgeResponder _knowledge;
    private readonly ProblemGuesser _guesser;
    private readonly Dictionary<string, string> _commandByWord = new(StringComparer.Ordinal);

    /// <summary>Creates the engine. Throws when a dialog names a detail kind no recognizer handles. Without
    /// <paramref name="knowledge"/> questions get no article answers; without <paramref name="classifier"/> (AI off)
    /// a message the rules cannot place gets the menu.</summary>
    public DialogEngine(
        DialogCatalog catalog,
        IEnumerable<ISlotRecognizer> recognizers,
        ITicketStore tickets,
        IAgentDirectory agents,
        EngineOptions options,
        TimeProvider time,
        IKnowledgeBase? knowledge = null,
        IProblemClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _options = options;
        _time = time;
        _replies = new ReplyBuilder(catalog);
        var byKind = recognizers.ToDictionary(r => r.Kind, StringComparer.Ordinal);
        foreach (var detail in catalog.Problems.SelectMany(p => p.Details))
        {
            if (!byKind.ContainsKey(detail.Kind))
            {
                throw new InvalidOperationException($"No recognizer handles detail kind '{detail.Kind}'.");
            }
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _knowledge = new KnowledgeResponder(knowledge, _replies);
        _gatherer = new DetailGatherer(byKind, _replies, _knowledge, options, zone);
        _tickets = new TicketFactory(tickets, _replies);
        _identifier = new ProblemIdentifier(catalog);
        _guesser = new ProblemGuesser(classifier ?? NoProblemClassifier.Instance, catalog, byKind, zone);
        _choiceTitles = new ChoiceTitleIndex(catalog);
        _commands = new CommandHandler(catalog, _replies, _gatherer, _tickets, options);
        _verifier = new AgentVerifier(agents, catalog, _replies, _gatherer);
        _human = new HumanRequest(catalog);
        foreach (var (command, words) in catalog.Commands)
        {
            foreach (var word in words)
            {
                _commandByWord.TryAdd(TextMatching.NormalizeCommand(word), command);
            }
        }
    }

    /// <summary>Runs one turn, changing <paramref name="state"/> in place. <paramref name="secretsRemoved"/> says the
    /// safety guard took a secret out of the text.</summary>
    public async ValueTask<TurnOutcome> RunTurnAsync(
        ConversationState state,
        InboundActivity activity,
        bool secretsRemoved = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);
        var turn = new Turn(state, activity, _time.GetUtcNow()) { SecretsRemoved = secretsRemoved };
        var idleSince = state.LastActivity;
        state.LastActivity = turn.Now;

        if (state.Phase == Phase.New)
        {
            await BeginAsync(turn, cancellationToken);
            return turn.Outcome;
        }

        if (turn.Text.Length > _options.MaxMessageLength)
        {
            turn.Say(BotReply.Plain(_replies.Text(TextKeys.MessageTooLong, state.Locale, ("max", _options.MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            Reprompt(turn);
            return turn.Outcome;
        }

        if (IsMidFlow(state.Phase) && turn.Now - idleSince > _options.IdleTimeout)
        {
            state.ResumePhase = state.Phase;
            state.Phase = Phase.IdleResume;
            Reprompt(turn);
            return turn.Outcome;
        }

        turn.Choice = ResolveChoice(turn);
        var command = ResolveCommand(turn);
        if (command is null && turn.Choice is null && _human.IsRequest(turn.Text))
        {
            command = CommandIds.Human;
        }

        if (command is not null && await _commands.HandleAsync(turn, command, cancellationToken))
        {
            return turn.Outcome;
        }

        await HandlePhaseAsync(turn, command, cancellationToken);
        return turn.Outcome;
    }

    /// <summary>The language to speak to a user whose conversation has none yet: the script of the message, then the
    /// channel's hint, then <see cref="EngineOptions.DefaultLocale"/>.</summary>
    public string LocaleOf(InboundActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return DetectLocale(activity.Text, activity.Locale) ?? _options.DefaultLocale;
    }

    /// <summary>The kind of detail the conversation is waiting for (e.g. <c>txid</c>), or null when it is not
    /// asking for one; the safety guard reads ambiguous input (64 hex characters, a lone number) by it.</summary>
    public string? AwaitedDetailKind(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problem = _catalog.FindProblem(state.ProblemId);
        if (state.Phase is not (Phase.Gathering or Phase.AttemptsExceeded) || problem is null
            || state.DetailIndex >= problem.Details.Count)
        {
            return null;
        }

        // The compromised flow's "suspicious transactions" step is free text, but what it asks for is TXIDs.
        var detail = problem.Details[state.DetailIndex];
        return detail.Kind == SlotKinds.Text && detail.Id.Contains("txid", StringComparison.OrdinalIgnoreCase)
            ? SlotKinds.TxId
            : detail.Kind;
    }

    /// <summary>Asks the current question again without consuming input (used after a message that held only a
    /// secret: the guard warned, and the flow stays where it was).</summary>
    public TurnOutcome Reprompt(ConversationState state, InboundActivity activity)
    {
        ArgumentNullException.ThrowIfNull(state);
        var turn = new Turn(state, activity, _time.GetUtcNow());
        if (state.Phase == Phase.New)
        {
            state.Locale = LocaleOf(activity);
            state.Phase = Phase.Menu;
        }

        state.LastActivity = turn.Now;
        Reprompt(turn);
        return turn.Outcome;
    }

    private async ValueTask BeginAsync(Turn turn, CancellationToken ct)
    {
        var state = turn.State;
        state.Locale = LocaleOf(turn.Activity);
        state.Phase = Phase.Menu;
        if (turn.Activity.OpensConversation)
        {
            // A chat window that greets before the user types warns at once too, before any question is asked.
            state.SafetyNoticeShown = true;
            turn.Say(BotReply.Plain(_replies.Text(TextKeys.Greeting, state.Locale)) with { StepId = Steps.Menu });
            turn.Say(BotReply.Plain(_replies.Text(TextKeys.SafetyNotice, state.Locale)));
            Reprompt(turn);
            return;
        }

        turn.Choice = ResolveChoice(turn);
        bool named;
        if (_human.IsRequest(turn.Text))
        {
            await _commands.HandleAsync(turn, CommandIds.Human, ct);
            named = true;
        }
        else
        {
            named = await IdentifyAsync(turn, quietWhenUnknown: true, ct);
        }

        // "Pick a topic below" only when a menu follows.
        var greeting = named ? TextKeys.GreetingRouted : TextKeys.Greeting;
        turn.Outcome.Replies.Insert(0, BotReply.Plain(_replies.Text(greeting, state.Locale)) with { StepId = Steps.Menu });
        if (!named)
        {
            Reprompt(turn);
        }
    }

    private async ValueTask HandlePhaseAsync(Turn turn, string? command, CancellationToken ct)
    {
        var state = turn.State;
        var problem = _catalog.FindProblem(state.ProblemId);
        switch (state.Phase)
        {
            case Phase.Gathering when problem is not null:
                _gatherer.Answer(turn, problem, command);
                break;
            case Phase.Conflict when problem is not null:
                if (turn.Choice is ChoiceValues.KeepEarlier or ChoiceValues.TakeNewer)
                {
                    _gatherer.ResolveConflict(turn, problem, takeNew: turn.Choice == ChoiceValues.TakeNewer);
                }
                else
                {
                    Reprompt(turn);
                }

                break;
            case Phase.SelfHelp when problem is not null:
                if (turn.Choice == "solved" || command == CommandIds.Yes)
                {
                    state.ResetFlow();
                    state.Phase = Phase.Done;
                    turn.Say(BotReply.Plain(_replies.Text(TextKeys.SelfHelpSolved, state.Locale)));
                }
                else
                {
                    _gatherer.Start(turn, problem);
                }

                break;
            case Phase.KnowledgeAnswered:
                await AfterKnowledgeAnswerAsync(turn, problem, command, ct);
                break;
            case Phase.AttemptsExceeded when problem is not null:
                state.Phase = Phase.Gathering;
                state.Attempts = 0;
                if (turn.Choice == "tryAgain" || command == CommandIds.Yes)
                {
                    _gatherer.Reprompt(turn, problem);
                }
                else
                {
                    _gatherer.Answer(turn, problem, command);
                }

                break;
            case Phase.Confirm when problem is not null:
                await ConfirmAsync(turn, problem, command, ct);
                break;
            case Phase.EditWhich when problem is not null:
                EditWhich(turn, problem);
                break;
            case Phase.IdleResume:
                ResumeAfterIdle(turn, command);
                break;
            case Phase.VerifyAgent:
                await _verifier.VerifyAsync(turn, ct);
                break;
            case Phase.DuplicateOffer when problem is not null && state.TicketFocus is { } open:
                if (turn.Choice == "addToTicket" || command == CommandIds.Yes)
                {
                    _tickets.Append(turn, problem, open);
                    // Offered before the questions: what the user sends next goes to that ticket too.
                    state.TicketMode = TicketMode.AddingInfo;
                    state.TicketFocus = open;
                }
                else if (turn.Choice == "newTicket" || command == CommandIds.No)
                {
                    state.TicketFocus = null;
                    state.DuplicateDeclined = true;
                    if (problem.Details.All(d => state.Values.ContainsKey(d.Id)))
                    {
                        await _tickets.CreateAsync(turn, problem, preface: null, ct, allowDuplicate: true);
                    }
                    else
                    {
                        _gatherer.Start(turn, problem);
                    }
                }
                else
                {
                    Reprompt(turn);
                }

                break;
            default:
                if (!await IdentifyAsync(turn, quietWhenUnknown: false, ct))
                {
                    Reprompt(turn);
                }

                break;
        }
    }

    /// <summary>"Did this answer your question?": yes ends here; no goes on to the problem the question was about
    /// (straight to its questions: the article was its self-help), or to the choice between the likely problems, or
    /// asks what happened; anything else is a new message at the menu.</summary>
    private async ValueTask AfterKnowledgeAnswerAsync(Turn turn, ProblemDefinition? problem, string? command, CancellationToken ct)
    {
        var state = turn.State;
        if (turn.Choice == "solved" || command == CommandIds.Yes)
        {
            state.ResetFlow();
            state.Phase = Phase.Done;
            turn.Say(BotReply.Plain(_replies.Text(TextKeys.KnowledgeHelped, state.Locale)));
            return;
        }

        // "没有" is also the skip word; after "did this answer it?" it means no.
        if (turn.Choice == "needHelp" || command is CommandIds.No or CommandIds.Skip)
        {
            if (problem is not null)
            {
                await StartProblemAsync(turn, problem, ct, selfHelpShown: true);
            }
            else if (state.ClarifyOptions.Count > 1)
            {
                state.Phase = Phase.Clarify;
                Reprompt(turn);
            }
            else
            {
                state.Phase = Phase.Menu;
                turn.Say(BotReply.Plain(_replies.Text(TextKeys.KnowledgeNotHelped, state.Locale)));
                Reprompt(turn);
            }

            return;
        }

        state.ResetFlow(keepEarly: true);
        state.Phase = Phase.Menu;
        if (!await IdentifyAsync(turn, quietWhenUnknown: false, ct))
        {
            Reprompt(turn);
        }
    }

    private async ValueTask ConfirmAsync(Turn turn, ProblemDefinition problem, string? command, CancellationToken ct)
    {
        if (turn.Choice == "confirm" || command == CommandIds.Yes)
        {
            await _tickets.CreateAsync(turn, problem, preface: null, ct, allowDuplicate: turn.State.DuplicateDeclined);
        }
        else if (turn.Choice == "cancel")
        {
            await _commands.HandleAsync(turn, CommandIds.Cancel, ct);
        }
        else if (turn.Choice == "edit" || command == CommandIds.No)
        {
            turn.State.Phase = Phase.EditWhich;
            Reprompt(turn);
        }
        else if (turn.Text.Length > 0 || turn.Activity.Attachments.Count > 0)
        {
            // A detail (or a screenshot) sent at the summary is taken, and the summary shown with it.
            _gatherer.Harvest(turn, problem, except: null);
            _gatherer.Advance(turn, problem);
        }
        else
        {
            Reprompt(turn);
        }
    }

    private void EditWhich(Turn turn, ProblemDefinition problem)
    {
        var detailId = ChoiceValues.DetailIdOf(turn.Choice);
        var index = detailId is null ? -1 : problem.Details.ToList().FindIndex(d => d.Id == detailId);
        if (index < 0)
        {
            Reprompt(turn);
            return;
        }

        var state = turn.State;
        state.Values.Remove(detailId!);
        state.DetailIndex = index;
        state.Editing = true;
        state.Phase = Phase.Gathering;
        state.Attempts = 0;
        _gatherer.Reprompt(turn, problem);
    }

    private void ResumeAfterIdle(Turn turn, string? command)
    {
        var state = turn.State;
        if (turn.Choice == "startOver" || command == CommandIds.No)
        {
            state.ResetFlow();
            state.Phase = Phase.Menu;
            Reprompt(turn);
            return;
        }

        state.Phase = state.ResumePhase;
        Reprompt(turn);
    }

    /// <summary>Names the problem from a menu choice or free text; false when it could not (the caller re-asks).</summary>
    private async ValueTask<bool> IdentifyAsync(Turn turn, bool quietWhenUnknown, CancellationToken ct)
    {
        var state = turn.State;
        if (!state.LocaleChosen && turn.Choice is null && DetectLocale(turn.Text, turn.Activity.Locale) is { } detected)
        {
            state.Locale = detected;
        }

        var picked = _catalog.FindProblem(ChoiceValues.ProblemIdOf(turn.Choice));
        if (turn.Choice == "verifyAgent")
        {
            state.ResumePhase = Phase.Menu;
            state.Phase = Phase.VerifyAgent;
            Reprompt(turn);
            return true;
        }

        // Details stated before the problem is known wait for it ("hi, my uid is 48213377").
        _gatherer.HarvestEarly(turn);
        var candidates = picked is null ? _identifier.Identify(turn.Text) : [picked];
        if (picked is null && TryAnswerQuestion(turn, candidates))
        {
            return true;
        }

        // The rules cannot tell (and no likely problems are on offer): the classifier (the AI, when on) may; what it
        // names goes on exactly as if the rules had named it.
        if (candidates.Count == 0 && !(state.Phase == Phase.Clarify && state.ClarifyOptions.Count > 0)
            && await _guesser.GuessAsync(turn, ct) is { } guessed)
        {
            candidates = [guessed];
            if (TryAnswerQuestion(turn, candidates))
            {
                return true;
            }
        }

        if (candidates.Count == 1)
        {
            await StartProblemAsync(turn, candidates[0], ct);
            return true;
        }

        if (candidates.Count > 1)
        {
            state.ResetFlow(keepEarly: true);
            state.ClarifyOptions.AddRange(candidates.Select(p => p.Id));
            state.Phase = Phase.Clarify;
            Reprompt(turn);
            return true;
        }

        // A message that names no problem while the likeliest ones are offered: offer them again.
        if (state.Phase == Phase.Clarify && state.ClarifyOptions.Count > 0)
        {
            return false;
        }

        if (!quietWhenUnknown && !turn.SecretsRemoved && turn.Text.Length > 0)
        {
            turn.Say(BotReply.Plain(_replies.Text(TextKeys.NotUnderstood, state.Locale)));
        }

        state.Phase = Phase.Menu;
        return false;
    }

    /// <summary>A question ("how long does a TRC20 withdrawal take?") is answered from the knowledge base before any
    /// flow starts; a report ("my UID is 48213377, deposit missing, why?") is not: it states details of its own, and
    /// its flow asks for what is missing. Coin and network are part of a question too. An article about another
    /// problem than the message names is a misreading ("充值不到账，你们是不是骗子平台" is a complaint about a deposit,
    /// not a question about scams): the flow starts instead.</summary>
    private bool TryAnswerQuestion(Turn turn, IReadOnlyList<ProblemDefinition> candidates)
    {
        var state = turn.State;
        if (turn.Choice is not null || state.Values.Keys.Any(IsReportDetail))
        {
            return false;
        }

        var problem = candidates.Count == 1 ? candidates[0] : null;
        if (_knowledge.Find(turn, problem?.Id) is not { } found
            || (candidates.Count > 0 && found.Answer.Problems.Count > 0 && !candidates.Any(c => found.Answer.Problems.Contains(c.Id))))
        {
            return false;
        }

        _knowledge.Say(turn, found.Answer, found.Locale, problem?.Id);

        // What a "no" leads to: the problem the message named, else the ones the article belongs to ("提u要多久" names
        // no problem, but its article is about withdrawals).
        IReadOnlyList<string> likely = candidates.Count > 0 ? [.. candidates.Select(p => p.Id)] : found.Answer.Problems;
        state.ResetFlow(keepEarly: true);
        state.ProblemId = likely.Count == 1 ? likely[0] : null;
        if (likely.Count > 1)
        {
            state.ClarifyOptions.AddRange(likely.Take(3));
        }

        state.Phase = Phase.KnowledgeAnswered;
        Reprompt(turn);
        return true;
    }

    private static bool IsReportDetail(string key) =>
        key.StartsWith('@') && key != DetailGatherer.EarlyKey(SlotKinds.Coin) && key != DetailGatherer.EarlyKey(SlotKinds.Network);

    private async ValueTask StartProblemAsync(Turn turn, ProblemDefinition problem, CancellationToken ct, bool selfHelpShown = false)
    {
        var state = turn.State;
        var early = state.Values.Where(v => v.Key.StartsWith('@')).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        state.ResetFlow();
        state.ProblemId = problem.Id;
        DetailGatherer.AdoptEarly(state, problem, early);
        _gatherer.Harvest(turn, problem, except: null);

        // An open ticket on the same problem is offered before any question, not after all of them.
        if (await _tickets.OpenTicketOnAsync(turn, problem, ct) is { } open)
        {
            state.TicketFocus = open.Number;
            state.Phase = Phase.DuplicateOffer;
            Reprompt(turn);
            return;
        }

        // A user who already gives details is reporting, not asking how to check: straight to what is missing. How
        // long it has been ("充值三个小时了还没到账") is part of the complaint, not a report: the self-help still fits.
        if (selfHelpShown || problem.SelfHelp is null
            || problem.Details.Any(d => d.Kind != SlotKinds.Time && state.Values.ContainsKey(d.Id)))
        {
            _gatherer.Start(turn, problem);
            return;
        }

        state.Phase = Phase.SelfHelp;
        turn.Say(BotReply.Plain(problem.SelfHelp.Get(state.Locale)) with { ProblemId = problem.Id });
        Reprompt(turn);
    }

    private void Reprompt(Turn turn) => PhasePrompter.Prompt(turn, _catalog, _replies, _gatherer);

    private string? ResolveChoice(Turn turn) =>
        turn.Activity.ChoiceValue ?? _choiceTitles.Match(turn.Text, turn.State) ?? NumberedChoice(turn);

    /// <summary>"2" picks the second choice shown, at every step that offers choices; while a detail is asked a
    /// number is an answer.</summary>
    private string? NumberedChoice(Turn turn)
    {
        var state = turn.State;
        if (turn.Text.Length is 0 or > 2 || !int.TryParse(turn.Text, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1
            || state.Phase is Phase.New or Phase.Gathering or Phase.Done or Phase.VerifyAgent)
        {
            return null;
        }

        var scratch = new Turn(state, turn.Activity, turn.Now);
        Reprompt(scratch);
        var shown = scratch.Outcome.Replies.Count > 0 ? scratch.Outcome.Replies[^1].Choices : [];
        return n <= shown.Count ? shown[n - 1].Value : null;
    }

    private string? ResolveCommand(Turn turn)
    {
        if (turn.Choice is { } choice && CommandIds.All.Contains(choice))
        {
            return choice;
        }

        var normalized = TextMatching.NormalizeCommand(turn.Text);
        return normalized.Length > 0 && _commandByWord.TryGetValue(normalized, out var command) ? command : null;
    }

    private static string? DetectLocale(string text, string? hint) =>
        TextMatching.HasCjk(text) ? Locales.Supported.Chinese
        : TextMatching.HasLatinWords(text, 2) && !text.Any(char.IsDigit) ? Locales.Supported.English
        : Locales.FromHint(hint);

    private static bool IsMidFlow(Phase phase) =>
        phase is Phase.Clarify or Phase.SelfHelp or Phase.KnowledgeAnswered or Phase.Gathering or Phase.AttemptsExceeded or Phase.Confirm
            or Phase.EditWhich or Phase.Conflict;
}
