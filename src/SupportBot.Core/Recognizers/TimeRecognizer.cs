using System.Runtime.InteropServices;
using SupportBot.Core.Recognizers.Time;

namespace SupportBot.Core.Recognizers;

/// <summary>Time of the problem, absolute or relative, Chinese or English ("2025-03-03 10:45", "3月3日上午10点45",
/// "昨天晚上九点", "20分钟前", "yesterday 9pm", "just now"), read in the configured zone relative to now. Value is UTC
/// "yyyy-MM-ddTHH:mm:ssZ"; Display is the local time ("2025-03-03 10:45", or "2025-03-03" for a date alone, whose
/// Value is local midnight); Original keeps the user's words. The future is refused, never guessed away.</summary>
public sealed class TimeRecognizer : TextSlotRecognizer
{
    /// <inheritdoc />
    public override string Kind => SlotKinds.Time;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var parts = TimeGrammar.Parse(CollectionsMarshal.AsSpan(TimeLexer.Lex(text)));
        return parts is null
            ? RecognitionResult.Fail(RecognizerErrors.TimeFormat)
            : TimeResolver.Resolve(parts, context.Now, context.TimeZone, text);
    }

    /// <summary>A time phrase inside a report that says other things too ("500 USDT on TRC20 two hours ago"):
    /// numbers that are no part of a time are passed over. Null when no time phrase is there, or it is in the
    /// future.</summary>
    public static SlotValue? FindInSentence(string text, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (text.Length is 0 or > StructuredMaxLength)
        {
            return null;
        }

        var cleaned = InputCleaner.Clean(text, keepLineBreaks: false);
        var tokens = TimeLexer.Lex(cleaned);
        // "withdrew 0.2 BTC 5 hours ago": "0.2" reads as a clock that contradicts "ago"; the first start from
        // which the rest reads as one time wins (a short message: a few dozen tokens at most are tried).
        for (var start = 0; start < Math.Min(tokens.Count, 60); start++)
        {
            if (TimeGrammar.Parse(CollectionsMarshal.AsSpan(tokens)[start..], lenient: true) is { } parts)
            {
                return TimeResolver.Resolve(parts, context.Now, context.TimeZone, cleaned[tokens[start].Start..].Trim()).Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        // Only a full numeric date with a clock time ("2025-03-03 10:45"): a bare "10:45" or "yesterday" in a message
        // about something else may not be the time of the problem.
        var tokens = TimeLexer.Lex(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var parts = new TimeParts();
            var dateLength = TimeGrammar.MatchIsoDate(CollectionsMarshal.AsSpan(tokens), i, parts);
            if (dateLength == 0)
            {
                continue;
            }

            var j = i + dateLength;
            j = j < tokens.Count && tokens[j].Is("t") ? j + 1 : j;
            // The longest run of up to 7 tokens that reads as a clock time alone ("10:45:00+08:00" is 7).
            for (var length = Math.Min(7, tokens.Count - j); length >= 3; length--)
            {
                var range = CollectionsMarshal.AsSpan(tokens).Slice(j, length);
                var trailingFiller = range[^1].Kind == TimeTokenKind.Symbol;
                if (trailingFiller || HasWordOtherThanZ(range))
                {
                    continue;
                }

                var clock = TimeGrammar.Parse(range);
                if (clock is { Hour: not null, HasDate: false, Ago: null, IsNow: false })
                {
                    clock.SetDate(parts.Year, parts.Month!.Value, parts.Day!.Value);
                    var start = tokens[i].Start;
                    var stop = j + length < tokens.Count ? tokens[j + length].Start : text.Length;
                    var original = text[start..stop].Trim();
                    return TimeResolver.Resolve(clock, context.Now, context.TimeZone, original).Value;
                }
            }
        }

        return null;
    }

    private static bool HasWordOtherThanZ(ReadOnlySpan<TimeToken> range)
    {
        foreach (var token in range)
        {
            if (token.Kind == TimeTokenKind.Word && !token.Is("z"))
            {
                return true;
            }
        }

        return false;
    }
}
