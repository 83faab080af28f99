using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Engine;

/// <summary>Asks the <see cref="IProblemClassifier"/> about a message the rules could not place, and keeps only what
/// checks out: a problem id the catalog has, and details of that problem's kinds that are written in the message as
/// a whole word and that our own recognizer accepts. Whatever the classifier says beyond that (an invented TXID, a
/// made-up problem, an instruction it was talked into) is dropped, so the worst it can do is pick a wrong problem,
/// which the user can leave with "back" or the menu like any misreading of the rules.</summary>
internal sealed class ProblemGuesser
{
    // Longer than any detail a recognizer accepts (an address, a TXID, an email).
    private const int MaxValueLength = 200;

    private readonly IProblemClassifier _classifier;
    private readonly DialogCatalog _catalog;
    private readonly IReadOnlyDictionary<string, ISlotRecognizer> _recognizers;
    private readonly TimeZoneInfo _zone;

    public ProblemGuesser(
        IProblemClassifier classifier,
        DialogCatalog catalog,
        IReadOnlyDictionary<string, ISlotRecognizer> recognizers,
        TimeZoneInfo zone)
    {
        _classifier = classifier;
        _catalog = catalog;
        _recognizers = recognizers;
        _zone = zone;
    }

    /// <summary>The problem the classifier names for the turn's text, with the details it found kept as details
    /// stated before the problem was known (the rules' own early details win); null when it has no usable answer.
    /// Messages that lost a secret to the safety guard are never sent (what is left of them is a fragment), nor
    /// greetings and other messages too short to state a problem ("hi", "你好", "在吗"): they would spend the
    /// conversation's model budget and delay the menu for nothing.</summary>
    public async ValueTask<ProblemDefinition?> GuessAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Choice is not null || turn.SecretsRemoved || !CanStateAProblem(turn.Text))
        {
            return null;
        }

        var classification = await _classifier.ClassifyAsync(turn.Activity.Conversation, turn.Text, turn.Locale, ct);
        if (classification is null || _catalog.FindProblem(classification.ProblemId) is not { } problem)
        {
            return null;
        }

        foreach (var suggested in classification.Details)
        {
            if (Check(turn, problem, suggested) is { } value && suggested.Kind is { } kind)
            {
                turn.State.Values.TryAdd(DetailGatherer.EarlyKey(kind), value);
            }
        }

        return problem;
    }

    private SlotValue? Check(Turn turn, ProblemDefinition problem, ClassifiedDetail? suggested)
    {
        var value = suggested?.Value?.Trim();
        if (suggested is null || string.IsNullOrEmpty(value) || value.Length > MaxValueLength
            || suggested.Kind is SlotKinds.Text or SlotKinds.Screenshots
            || !IsWrittenIn(turn.Text, value))
        {
            return null;
        }

        var detail = problem.Details.FirstOrDefault(d => d.Kind == suggested.Kind);
        if (detail is null || !_recognizers.TryGetValue(detail.Kind, out var recognizer))
        {
            return null;
        }

        var context = new RecognizerContext(detail, turn.Now, _zone, turn.Locale, turn.State.Values);
        return recognizer.Recognize(value, [], context).Value;
    }

    /// <summary>Three English words or four Chinese characters ("my money vanished", "钱不见了").</summary>
    private static bool CanStateAProblem(string text)
    {
        int words = 0, ideographs = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Safety.TextChars.IsCjk(text[i]))
            {
                ideographs++;
            }
            else if (char.IsAsciiLetter(text[i]) && (i == 0 || !char.IsAsciiLetter(text[i - 1])))
            {
                words++;
            }
        }

        return words >= 3 || ideographs >= 4;
    }

    /// <summary>Whether <paramref name="value"/> appears in <paramref name="text"/> as it is, and not as part of a
    /// longer run of letters and digits ("1234567" is not in "UID 12345678").</summary>
    private static bool IsWrittenIn(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            var end = at + value.Length;
            if ((at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]) || !char.IsAsciiLetterOrDigit(value[0]))
                && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]) || !char.IsAsciiLetterOrDigit(value[^1])))
            {
                return true;
            }
        }

        return false;
    }
}
