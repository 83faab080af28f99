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
