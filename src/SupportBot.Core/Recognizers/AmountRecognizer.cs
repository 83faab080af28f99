namespace SupportBot.Core.Recognizers;

/// <summary>A positive amount, optionally with a coin ("100", "1,000.25", "100 USDT", "0.5个BTC", "一百"). Value is the
/// invariant decimal string; Display adds the coin when one was named.</summary>
public sealed class AmountRecognizer : TextSlotRecognizer
{
    /// <inheritdoc />
    public override string Kind => SlotKinds.Amount;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        // Chinese numerals count only when no digits were typed: "看一下" holds a 一 that is not an amount.
        var all = AmountParser.FindAll(text);
        var numbers = all.Any(n => !n.Chinese) ? all.Where(n => !n.Chinese).ToList() : all;
        if (numbers.Count != 1 || !numbers[0].WellFormed)
        {
            return RecognitionResult.Fail(RecognizerErrors.AmountFormat);
        }

        var amount = numbers[0].Value;
        if (amount <= 0)
        {
            return RecognitionResult.Fail(RecognizerErrors.AmountNotPositive);
        }

        var value = AmountParser.Format(amount);
        var coin = new CoinRecognizer().Recognize(text, [], context).Value?.Value;
        var display = coin is null ? value : value + " " + coin;
        return RecognitionResult.Ok(new SlotValue(value, display,
            string.Equals(text, value, StringComparison.Ordinal) ? null : text));
    }

    // Words after a number that make it a time, a duration, a date or a count, not an amount.
    private static readonly string[] NotAmountAfter =
    [
        "am", "pm", "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "sec", "secs", "second",
        "seconds", "day", "days", "week", "weeks", "month", "months", "year", "years", "ago", "times", "time", "x",
        "confirmation", "confirmations", "block", "blocks", "st", "nd", "rd", "th",
    ];

    private static readonly string[] NotAmountAfterChinese =
        ["点", "时", "小时", "个小时", "分", "分钟", "秒", "天", "号", "日", "月", "年", "周", "星期", "次", "遍", "个确认", "确认", "%"];

    /// <summary>The amount in a reply to "how much did you send?" (alone or among the other deposit details) that names
    /// no coin right after it: "USDT TRC-20 500, yesterday 9pm" → 500. Numbers that are part of something else do not
    /// count: a network ("TRC-20"), a time or duration ("9pm", "21:00", "2 hours ago", "九点", "3天"), a date, a count
    /// of confirmations, an id of seven or more digits. Null unless exactly one number is left. Only for when the bot
    /// asked for the amount: in any other message a bare number could be anything.</summary>
    public static SlotValue? FindLoneAmount(string text, RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        SlotValue? lone = null;
        foreach (var found in AmountParser.FindAll(text))
        {
            if (found.Chinese || !found.WellFormed || found.Value <= 0 || IsPartOfSomethingElse(text, found))
            {
                continue;
            }

            if (lone is not null)
            {
                return null;
            }

            var value = AmountParser.Format(found.Value);
            var coin = new CoinRecognizer().Recognize(text, [], context).Value?.Value;
            lone = new SlotValue(value, coin is null ? value : value + " " + coin);
        }

        return lone;
    }

    private static bool IsPartOfSomethingElse(string text, AmountParser.Found found)
    {
        int start = found.Span.Start, end = found.Span.End;
        var raw = text.AsSpan(start, end - start);
        // "TRC-20", "BEP-20": a dash right after letters. "12-03", "21:14", "12/03": pieces of a date or a time.
        if (start > 0 && text[start - 1] is '-' or ':' or '/' or '.' && (start == 1 || char.IsAsciiLetterOrDigit(text[start - 2])))
        {
            return true;
        }

        if (end < text.Length - 1 && text[end] is '-' or ':' or '/' && char.IsAsciiDigit(text[end + 1]))
        {
            return true;
        }

        // A UID, an order number, a phone number: seven or more digits without a decimal point.
        if (raw.Length >= 7 && !raw.Contains('.'))
        {
            return true;
        }

        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var word = Scanning.RunAt(text, i, char.IsAsciiLetter).Of(text);
        if (word.Length > 0 && NotAmountAfter.Contains(word.ToLowerInvariant()))
        {
            return true;
        }

        var rest = text.AsSpan(i);
        foreach (var unit in NotAmountAfterChinese)
        {
            if (rest.StartsWith(unit, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        // Only a number right before a coin ticker ("100 USDT", "0.5个BTC"): a bare number could be anything.
        foreach (var found in AmountParser.FindAll(text))
        {
            if (!found.WellFormed || found.Chinese || found.Value <= 0)
            {
                continue;
            }

            var i = found.Span.End;
            while (i < text.Length && text[i] is ' ' or '个' or '枚')
            {
                i++;
            }

            var word = Scanning.RunAt(text, i, char.IsAsciiLetter).Of(text);
            var ticker = CoinCatalog.IsTicker(word) ? word.ToUpperInvariant()
                : i == found.Span.End && word.Equals(CoinCatalog.ShorthandU, StringComparison.OrdinalIgnoreCase) ? "USDT"
                : null;
            if (ticker is not null)
            {
                var value = AmountParser.Format(found.Value);
                return new SlotValue(value, value + " " + ticker);
            }
        }

        return null;
    }
}
