namespace SupportBot.Core.Recognizers;

/// <summary>Account UID: 6–12 digits by default, or the detail's pattern. Accepts a label or a sentence around the
/// number ("my uid is 12345678", "UID：12345678", "我的UID是12345678").</summary>
public sealed class UidRecognizer : TextSlotRecognizer
{
    private const int MinDigits = 6;
    private const int MaxDigits = 12;

    private static readonly string[] Labels = ["uid", "user id", "用户ID", "账户ID", "账号ID", "用户编号"];

    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "uid", "my", "is", "id", "user", "account", "number", "no", "it", "its", "s", "the", "here", "this",
    };

    /// <inheritdoc />
    public override string Kind => SlotKinds.Uid;

    /// <summary>The one run of 6–10 digits in an answer to the UID question that says more ("58213376 i already told
    /// you"); null when there is none or several, or it looks like a phone number (a leading +) or an amount.</summary>
    public static SlotValue? FindLoneUid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TextSpan? found = null;
        foreach (var run in Scanning.AlnumRuns(text))
        {
            var word = run.Of(text);
            if (!word.All(char.IsAsciiDigit))
            {
                continue;
            }

            if (word.Length < 5)
            {
                continue;
            }

            if (found is not null || word.Length is < MinDigits or > 10 || (run.Start > 0 && text[run.Start - 1] == '+'))
            {
                return null;
            }

            found = run;
        }

        if (found is not { } uid)
        {
            return null;
        }

        var value = uid.Of(text);
        return new SlotValue(value, value);
    }

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var pattern = context.Detail.Pattern;
        var tokens = Scanning.AlnumRuns(text)
            .Select(t => WithoutGluedLabel(text, t))
            .Where(t => !Filler.Contains(t.Of(text)))
            .ToList();
        if (pattern is not null)
        {
            return RecognizeWithPattern(text, tokens, pattern);
        }

        var digitTokens = tokens.Where(t => t.Of(text).Any(char.IsAsciiDigit)).ToList();
        if (digitTokens.Count == 0)
        {
            return RecognitionResult.Fail(RecognizerErrors.UidFormat);
        }

        var candidate = JoinSpaced(text, digitTokens);
        if (candidate is null || !candidate.All(char.IsAsciiDigit))
        {
            return RecognitionResult.Fail(RecognizerErrors.UidFormat);
        }

        if (candidate.Length is < MinDigits or > MaxDigits)
        {
            return RecognitionResult.Fail(RecognizerErrors.UidLength,
                ("min", MinDigits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("max", MaxDigits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return RecognitionResult.Ok(new SlotValue(candidate, candidate, Original(text, candidate)));
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        foreach (var start in Scanning.ValueStartsAfterLabels(text, Labels))
        {
            var run = Scanning.RunAt(text, start, Scanning.IsAsciiAlnum);
            if (run.Length == 0)
            {
                continue;
            }

            var value = run.Of(text);
            var ok = context.Detail.Pattern is { } p && context.Detail.Kind == SlotKinds.Uid
                ? PatternMatcher.IsFullMatch(p, value)
                : value.All(char.IsAsciiDigit) && value.Length is >= MinDigits and <= MaxDigits;
            if (ok)
            {
                return new SlotValue(value, value);
            }
        }

        return null;
    }

    private static RecognitionResult RecognizeWithPattern(string text, List<TextSpan> tokens, string pattern)
    {
        if (PatternMatcher.IsFullMatch(pattern, text))
        {
            return RecognitionResult.Ok(new SlotValue(text, text));
        }

        var matches = tokens.Select(t => t.Of(text)).Where(v => PatternMatcher.IsFullMatch(pattern, v))
            .Distinct(StringComparer.Ordinal).ToList();
        return matches.Count == 1
            ? RecognitionResult.Ok(new SlotValue(matches[0], matches[0], Original(text, matches[0])))
            : RecognitionResult.Fail(RecognizerErrors.UidFormat);
    }

    /// <summary>Joins digit groups split by spaces ("1234 5678"); null when the groups are apart (two
    /// numbers).</summary>
    private static string? JoinSpaced(string text, List<TextSpan> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!Scanning.OnlySpacesBetween(text, tokens[i - 1].End, tokens[i].Start))
            {
                return null;
            }
        }

        return string.Concat(tokens.Select(t => t.Of(text)));
    }

    /// <summary>"uid12345678" → "12345678": the label typed without a space.</summary>
    private static TextSpan WithoutGluedLabel(string text, TextSpan token) =>
        token.Length > 3 && string.Compare(text, token.Start, "uid", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 &&
        char.IsAsciiDigit(text[token.Start + 3])
            ? new TextSpan(token.Start + 3, token.Length - 3)
            : token;

    private static string? Original(string text, string value) =>
        string.Equals(text, value, StringComparison.Ordinal) ? null : text;
}
