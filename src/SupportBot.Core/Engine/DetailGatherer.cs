using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Engine;

/// <summary>The detail-gathering part of a flow: asks each detail in turn, recognizes answers (several details in
/// one message too), re-prompts with a specific error, answers side questions, and offers a human after too many
/// failed attempts.</summary>
internal sealed class DetailGatherer
{
    private readonly IReadOnlyDictionary<string, ISlotRecognizer> _recognizers;
    private readonly ReplyBuilder _replies;
    private readonly KeywordMatcher<FaqEntry> _faq;
    private readonly EngineOptions _options;
    private readonly TimeZoneInfo _zone;

    public DetailGatherer(
        IReadOnlyDictionary<string, ISlotRecognizer> recognizers,
        ReplyBuilder replies,
        KeywordMatcher<FaqEntry> faq,
        EngineOptions options,
        TimeZoneInfo zone)
    {
        _recognizers = recognizers;
        _replies = replies;
        _faq = faq;
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

        ExtractAll(turn, problem, except: null);
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
        var value = result.Value ?? (turn.Text.Length > 0 ? recognizer.Extract(turn.Text, context) : null);

        // A one-word answer that is this detail cannot also state another one; only longer messages are searched.
        if (value is null || HasSeparator(turn.Text))
        {
            ExtractAll(turn, problem, except: detail);
        }

        if (value is not null)
        {
            state.Values[detail.Id] = value;
            state.Attempts = 0;
            Advance(turn, problem);
            return;
        }

        if (turn.SecretsRemoved)
        {
            Reprompt(turn, problem);
            return;
        }

        if (TryAnswerSideQuestion(turn))
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

        for (var i = 0; i < problem.Details.Count; i++)
        {
            if (!state.Values.ContainsKey(problem.Details[i].Id))
            {
                state.DetailIndex = i;
                state.Phase = Phase.Gathering;
                turn.Say(_replies.DetailPrompt(problem, problem.Details[i], state.Locale, prefix: null));
                return;
            }
        }

        state.Phase = Phase.Confirm;
        turn.Say(_replies.Summary(problem, state));
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

    /// <summary>Fills other missing details the message states unambiguously ("UID 12345678, txid 0x…").</summary>
    private void ExtractAll(Turn turn, ProblemDefinition problem, DetailDefinition? except)
    {
        if (turn.Text.Length == 0)
        {
            return;
        }

        foreach (var detail in problem.Details)
        {
            if (ReferenceEquals(detail, except) || turn.State.Values.ContainsKey(detail.Id))
            {
                continue;
            }

            var value = _recognizers[detail.Kind].Extract(turn.Text, Context(turn, detail));
            if (value is not null)
            {
                turn.State.Values[detail.Id] = value;
            }
        }
    }

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

    private bool TryAnswerSideQuestion(Turn turn)
    {
        if (!TextMatching.LooksLikeQuestion(turn.Text))
        {
            return false;
        }

        var matches = _faq.Score(turn.Text);
        if (matches.Count == 0)
        {
            return false;
        }

        turn.Say(Activities.BotReply.Plain(matches[0].Target.Answer.Get(turn.Locale)));
        return true;
    }

    private RecognizerContext Context(Turn turn, DetailDefinition detail) =>
        new(detail, turn.Now, _zone, turn.Locale, turn.State.Values);
}
