using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Engine;

/// <summary>The detail-gathering part of a flow: asks each detail in turn, recognizes answers (several details in
/// one message too), re-prompts with a specific error, answers side questions from the knowledge base, and offers a
/// human after too many failed attempts.</summary>
internal sealed class DetailGatherer
{
    private readonly IReadOnlyDictionary<string, ISlotRecognizer> _recognizers;
    private readonly ReplyBuilder _replies;
    private readonly KnowledgeResponder _knowledge;
    private readonly EngineOptions _options;
    private readonly TimeZoneInfo _zone;

    public DetailGatherer(
        IReadOnlyDictionary<string, ISlotRecognizer> recognizers,
        ReplyBuilder replies,
        KnowledgeResponder knowledge,
        EngineOptions options,
        TimeZoneInfo zone)
    {
        _recognizers = recognizers;
        _replies = replies;
        _knowledge = knowledge;
        _options = options;
        _zone = zone;
    }

    /// <summary>Starts (or resumes) gathering: the safety notice once, then the first missing detail.</summary>
    public void Start(Turn turn, ProblemDefinition problem)
    {
        var state = turn.State;
        state.Phase = Phase.Gathering;
        state.Attempts = 0;
        if (!state.SafetyNoticeShown)
        {
            state.SafetyNoticeShown = true;
            turn.Say(Activities.BotReply.Plain(_replies.Text(TextKeys.SafetyNotice, state.Locale)));
        }

        Harvest(turn, problem, except: null);
        Advance(turn, problem);
    }

    /// <summary>Handles the user's answer to the current detail.</summary>
    public void Answer(Turn turn, ProblemDefinition problem, string? command)
    {
        var state = turn.State;
        var detail = problem.Details[state.DetailIndex];
        if (command == CommandIds.Skip || turn.Choice == "skip")
        {
            Skip(turn, problem, detail);
            return;
        }

        var recognizer = _recognizers[detail.Kind];
        var context = Context(turn, detail);
        var result = recognizer.Recognize(turn.Text, turn.Activity.Attachments, context);

        // "UID 12345678, txid 0x…" is not a clean UID answer, but it states the UID unambiguously.
        var value = result.Value ?? (turn.Text.Length > 0 ? Find(turn, detail, turn.Text, loose: true, current: true) : null);

        // A one-word answer that is this detail cannot also state another one; only longer messages are searched.
        var before = state.Values.Count;
        var missing = value is null ? MissingDetails(problem, state) : null;
        if (value is null || HasSeparator(turn.Text))
        {
            Harvest(turn, problem, except: detail);
        }

        if (value is not null || state.Values.Count > before || state.Phase == Phase.Conflict)
        {
            if (value is null && !detail.Required)
            {
                // Asked for an optional detail, the user gave others instead ("I can't see my UID, my email is …").
                state.Values[detail.Id] = new SlotValue("", "");
            }

            if (value is null && detail.Required && missing is { Count: > 0 })
            {
                // Not the answer asked for, but details kept: say so, or the same question again reads as unheard.
                SayNoted(turn, missing);
            }

            if (value is not null)
            {
                state.Values[detail.Id] = value;
            }

            state.Attempts = 0;
            Advance(turn, problem);
            return;
        }

        if (turn.SecretsRemoved)
        {
            Reprompt(turn, problem);
            return;
        }

        if (_knowledge.TryAnswer(turn, problem.Id, detail.Title))
        {
            turn.Say(_replies.DetailPrompt(problem, detail, state.Locale, _replies.Text(TextKeys.ResumeAfterSideAnswer, state.Locale)));
            return;
        }

        state.Attempts++;
        if (state.Attempts >= _options.MaxAttempts)
        {
            state.Phase = Phase.AttemptsExceeded;
            turn.Say(AttemptsExceededReply(problem, detail, state.Locale));
            return;
        }

        var error = _replies.Text(TextKeys.Error(result.ErrorCode!), state.Locale, [.. result.ErrorArgs]);
        turn.Say(_replies.DetailPrompt(problem, detail, state.Locale, error));
    }

    private static List<DetailDefinition> MissingDetails(ProblemDefinition problem, ConversationState state)
    {
        var missing = new List<DetailDefinition>();
        foreach (var detail in problem.Details)
        {
            if (!state.Values.ContainsKey(detail.Id))
            {
                missing.Add(detail);
            }
        }

        return missing;
    }

    /// <summary>"Got it, I've noted Time: 2025-03-04 21:00." for the details of <paramref name="wereMissing"/> that the
    /// message filled.</summary>
    private void SayNoted(Turn turn, List<DetailDefinition> wereMissing)
    {
        var locale = turn.State.Locale;
        var noted = new List<string>();
        foreach (var detail in wereMissing)
        {
            if (turn.State.Values.TryGetValue(detail.Id, out var value) && value.Display.Length > 0)
            {
                noted.Add(_replies.Text(TextKeys.SummaryLine, locale, ("title", detail.Title.Get(locale)), ("value", value.Display)));
            }
        }

        if (noted.Count > 0)
        {
            var separator = locale == Locales.Supported.Chinese ? "；" : "; ";
            turn.Say(Activities.BotReply.Plain(_replies.Text(TextKeys.GatherNoted, locale, ("details", string.Join(separator, noted)))));
        }
    }

    /// <summary>Asks the current detail again (after help, a language switch, a resume).</summary>
    public void Reprompt(Turn turn, ProblemDefinition problem) =>
        turn.Say(_replies.DetailPrompt(problem, problem.Details[turn.State.DetailIndex], turn.Locale, prefix: null));

    /// <summary>The "three failed attempts" offer.</summary>
    public Activities.BotReply AttemptsExceededReply(ProblemDefinition problem, DetailDefinition detail, string locale) =>
        new(
            _replies.Text(TextKeys.AttemptsExceeded, locale, ("detail", detail.Title.Get(locale))),
            [_replies.Choice("human", locale), _replies.Choice("tryAgain", locale)])
        {
            ProblemId = problem.Id,
            StepId = Steps.AttemptsExceeded,
        };

    /// <summary>Moves to the first detail still missing, or to the summary when none is.</summary>
    public void Advance(Turn turn, ProblemDefinition problem)
    {
        var state = turn.State;
        if (state.Editing && state.Values.ContainsKey(problem.Details[state.DetailIndex].Id))
        {
            state.Editing = false;
        }

        if (FirstConflict(state, problem) is { } conflict)
        {
            state.DetailIndex = conflict;
            state.Phase = Phase.Conflict;
            turn.Say(ConflictQuestion(problem, state));
            return;
        }

        for (var i = 0; i < problem.Details.Count; i++)
        {
            if (!state.Values.ContainsKey(problem.Details[i].Id))
            {
                state.DetailIndex = i;
                state.Phase = Phase.Gathering;
                turn.Say(GroupPrompt(problem, i, state) ?? _replies.DetailPrompt(problem, problem.Details[i], state.Locale, prefix: null));
                return;
            }
        }

        state.Phase = Phase.Confirm;
        turn.Say(_replies.Summary(problem, state));
    }

    // Details people state in one breath ("500 USDT, TRC-20, yesterday 9pm"; a TXID and the address it went to,
    // copied from the same record): asked together, one answer fills them all (the answer is read for the asked
    // one, the others are harvested).
    private static readonly string[][] Groups =
    [
        [SlotKinds.Coin, SlotKinds.Network, SlotKinds.Amount, SlotKinds.Time],
        [SlotKinds.TxId, SlotKinds.Address],
    ];

    private static bool AskedTogether(DetailDefinition asked, DetailDefinition other) =>
        asked.Required && other.Required && Groups.Any(g => g.Contains(asked.Kind) && g.Contains(other.Kind));

    private Activities.BotReply? GroupPrompt(ProblemDefinition problem, int index, ConversationState state)
    {
        var first = problem.Details[index];
        var kinds = Groups.FirstOrDefault(g => g.Contains(first.Kind));
        if (kinds is null || !first.Required || state.Editing)
        {
            return null;
        }

        var group = problem.Details
            .Where(d => d.Required && kinds.Contains(d.Kind) && !state.Values.ContainsKey(d.Id))
            .ToList();
        if (group.Count < 2)
        {
            return null;
        }

        var separator = state.Locale == Locales.Supported.Chinese ? "、" : ", ";
        var text = _replies.Text(TextKeys.GatherGroup, state.Locale, ("details", string.Join(separator, group.Select(d => d.Title.Get(state.Locale)))))
            + "\n" + string.Join("\n", group.Select(d => "• " + _replies.DetailPrompt(problem, d, state.Locale, prefix: null).Text));
        return _replies.DetailPrompt(problem, first, state.Locale, prefix: null) with { Text = text };
    }

    /// <summary>Goes back one detail: forgets the previous answer and asks it again. False at the first detail.</summary>
    public bool Back(Turn turn, ProblemDefinition problem)
    {
        var state = turn.State;
        var from = state.Phase == Phase.Gathering ? state.DetailIndex : problem.Details.Count;
        for (var i = from - 1; i >= 0; i--)
        {
            if (state.Values.Remove(problem.Details[i].Id))
            {
                state.DetailIndex = i;
                state.Phase = Phase.Gathering;
                state.Attempts = 0;
                Reprompt(turn, problem);
                return true;
            }
        }

        return false;
    }

    private void Skip(Turn turn, ProblemDefinition problem, DetailDefinition detail)
    {
        if (detail.Required)
        {
            turn.Say(_replies.DetailPrompt(problem, detail, turn.Locale, _replies.Text(TextKeys.CannotSkip, turn.Locale)));
            return;
        }

        turn.State.Values[detail.Id] = new SlotValue("", "");
        turn.State.Attempts = 0;
        Advance(turn, problem);
    }

    /// <summary>Runs every recognizer of the problem's details over the message, whichever detail is being asked:
    /// a value found fills a missing detail (and is never asked for); one that differs from a value already given
    /// is kept aside as a contradiction, which <see cref="Advance"/> asks about before anything else. Free-text
    /// details are left alone: any sentence would "fill" them.</summary>
    public void Harvest(Turn turn, ProblemDefinition problem, DetailDefinition? except, string? text = null)
    {
        text ??= turn.Text;
        var state = turn.State;
        foreach (var detail in problem.Details)
        {
            if (ReferenceEquals(detail, except))
            {
                continue;
            }

            if (detail.Kind == SlotKinds.Screenshots)
            {
                CountScreenshots(turn, detail);
                continue;
            }

            if (text.Length == 0 || detail.Kind == SlotKinds.Text)
            {
                continue;
            }

            var filled = state.Values.TryGetValue(detail.Id, out var old) && old.Value.Length > 0;
            // Only an unambiguous form may contradict a value already given; looser readings only fill gaps.
            var found = Find(turn, detail, text, loose: !filled, asked: except is not null && AskedTogether(except, detail));
            if (found is null)
            {
                continue;
            }

            if (!filled)
            {
                state.Values[detail.Id] = found;
            }
            else if (!string.Equals(old!.Value, found.Value, StringComparison.Ordinal) && detail.Kind != SlotKinds.Time)
            {
                state.Values[ConflictKey(detail.Id)] = found;
            }
        }
    }

    /// <summary>Details stated before the problem was known, read with one detail of each kind, kept under
    /// <see cref="EarlyKey"/> until <see cref="AdoptEarly"/> hands them to the problem.</summary>
    public void HarvestEarly(Turn turn)
    {
        if (turn.Text.Length == 0)
        {
            return;
        }

        foreach (var detail in EarlyDetails)
        {
            if (Find(turn, detail, turn.Text, loose: detail.Kind is SlotKinds.Coin or SlotKinds.Network) is { } found)
            {
                turn.State.Values[EarlyKey(detail.Kind)] = found;
            }
        }
    }

    /// <summary>Moves the details kept before the problem was known onto the problem's details of those kinds.</summary>
    public static void AdoptEarly(ConversationState state, ProblemDefinition problem, IReadOnlyDictionary<string, SlotValue> early)
    {
        foreach (var detail in problem.Details)
        {
            if (!state.Values.ContainsKey(detail.Id) && early.TryGetValue(EarlyKey(detail.Kind), out var value))
            {
                state.Values[detail.Id] = value;
            }
        }
    }

    /// <summary>The key of a value of <paramref name="kind"/> stated before the problem was known.</summary>
    public static string EarlyKey(string kind) => "@" + kind;

    /// <summary>The key of a value that contradicts the one given for <paramref name="detailId"/>.</summary>
    public static string ConflictKey(string detailId) => "!" + detailId;

    /// <summary>Settles a contradiction: <paramref name="takeNew"/> replaces the earlier value.</summary>
    public void ResolveConflict(Turn turn, ProblemDefinition problem, bool takeNew)
    {
        var state = turn.State;
        var detail = problem.Details[state.DetailIndex];
        if (state.Values.Remove(ConflictKey(detail.Id), out var newer) && takeNew)
        {
            state.Values[detail.Id] = newer;
        }

        Advance(turn, problem);
    }

    /// <summary>"You said TRC20 earlier, now ERC20: which one is right?"</summary>
    public Activities.BotReply ConflictQuestion(ProblemDefinition problem, ConversationState state)
    {
        var detail = problem.Details[state.DetailIndex];
        var old = state.Values[detail.Id];
        var newer = state.Values[ConflictKey(detail.Id)];
        return new Activities.BotReply(
            _replies.Text(
                TextKeys.GatherConflict,
                state.Locale,
                ("detail", detail.Title.Get(state.Locale)),
                ("old", old.Display),
                ("new", newer.Display)),
            [new Activities.ChoiceOption(ChoiceValues.KeepEarlier, old.Display), new Activities.ChoiceOption(ChoiceValues.TakeNewer, newer.Display)])
        {
            ProblemId = problem.Id,
            StepId = Steps.Conflict,
        };
    }

    private static int? FirstConflict(ConversationState state, ProblemDefinition problem)
    {
        for (var i = 0; i < problem.Details.Count; i++)
        {
            if (state.Values.ContainsKey(ConflictKey(problem.Details[i].Id)))
            {
                if (state.Values.ContainsKey(problem.Details[i].Id))
                {
                    return i;
                }

                state.Values.Remove(ConflictKey(problem.Details[i].Id));
            }
        }

        return null;
    }

    /// <summary>The screenshots detail counts every screenshot sent in this flow, not just the first message's.</summary>
    private static void CountScreenshots(Turn turn, DetailDefinition detail)
    {
        var sent = turn.Activity.Attachments.Count;
        if (sent == 0)
        {
            return;
        }

        var before = turn.State.Values.TryGetValue(detail.Id, out var old)
            && int.TryParse(old.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var count = (before + sent).ToString(System.Globalization.CultureInfo.InvariantCulture);
        turn.State.Values[detail.Id] = new SlotValue(count, count);
    }

    /// <summary>A value of <paramref name="detail"/> inside a message about something else: the recognizer's
    /// unambiguous forms, and with <paramref name="loose"/> also readings that only this kind can have in a report
    /// (a coin or network named anywhere, a transaction hash or address the safety guard let through, a time
    /// phrase among other numbers).</summary>
    private SlotValue? Find(Turn turn, DetailDefinition detail, string text, bool loose, bool current = false, bool asked = false)
    {
        var recognizer = _recognizers[detail.Kind];
        var context = Context(turn, detail);
        if (recognizer.Extract(text, context) is { } extracted)
        {
            return extracted;
        }

        if (!loose)
        {
            return null;
        }

        return detail.Kind switch
        {
            SlotKinds.Coin => recognizer.Recognize(text, [], context).Value is { } coin && IsNamedAsCoin(text, coin.Value)
                ? coin with { Original = null }
                : IsNamedAsCoin(text, "USDT") ? new SlotValue("USDT", "USDT") : null,
            SlotKinds.TxId or SlotKinds.Address =>
                recognizer.Recognize(text, [], context).Value is { } v ? v with { Original = null } : null,
            SlotKinds.Time => TimeRecognizer.FindInSentence(text, context),
            // Only as the answer to the UID question: "58213376 i already told you".
            SlotKinds.Uid when current => UidRecognizer.FindLoneUid(text),
            // Only when the amount was asked, alone or with the coin, network and time: "USDT TRC-20 500, 9pm".
            SlotKinds.Amount when current || asked => AmountRecognizer.FindLoneAmount(text, context),
            _ => null,
        };
    }

    // Some tickers are English words ("link", "near", "op", "u"): in a sentence, a coin counts when it is written in
    // capitals, as a name ("比特币", "bitcoin"), right after a number ("500u"), or is one of the coins users write
    // in lower case.
    private static readonly string[] LowerCaseCoins = ["usdt", "usdc", "btc", "eth", "bnb", "trx", "sol", "xrp", "doge"];

    private static bool IsNamedAsCoin(string text, string ticker)
    {
        if (ticker.Length > 1 && text.Contains(ticker, StringComparison.Ordinal))
        {
            return true;
        }

        if (CoinCatalog.Names.Any(n => n.Value == ticker && n.Key.Length > 1 && text.Contains(n.Key, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var lower = TextMatching.LowerAscii(text);
        if (LowerCaseCoins.Contains(ticker.ToLowerInvariant()) && lower.Contains(ticker.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return true;
        }

        // "1000U", "200 u": the shorthand only after a number.
        foreach (var run in Scanning.AlnumRuns(text, "."))
        {
            var (number, rest) = AmountParser.SplitLeadingNumber(run.Of(text));
            if (number.Length > 0 && (CoinCatalog.Find(rest) == ticker
                || (ticker == "USDT" && rest.Equals(CoinCatalog.ShorthandU, StringComparison.OrdinalIgnoreCase))))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly DetailDefinition[] EarlyDetails =
    [
        .. new[] { SlotKinds.Uid, SlotKinds.Coin, SlotKinds.Network, SlotKinds.Amount, SlotKinds.TxId, SlotKinds.Address, SlotKinds.Contact }
            .Select(kind => new DetailDefinition
            {
                Id = EarlyKey(kind),
                Kind = kind,
                Title = new LocalizedText(new Dictionary<string, string>()),
            }),
    ];

    private static bool HasSeparator(string text)
    {
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '，' or '；' or '、' or '\u3000')
            {
                return true;
            }
        }

        return false;
    }

    private RecognizerContext Context(Turn turn, DetailDefinition detail) =>
        new(detail, turn.Now, _zone, turn.Locale, turn.State.Values);
}
