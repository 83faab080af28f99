namespace SupportBot.Core.Recognizers;

/// <summary>Coin: a ticker or a name ("usdt", "USDT-TRC20" → USDT, "泰达币"). Value and Display are the ticker.</summary>
public sealed class CoinRecognizer : TextSlotRecognizer
{
    private static readonly string[] Labels = ["coin", "currency", "token", "币种", "币"];

    /// <inheritdoc />
    public override string Kind => SlotKinds.Coin;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var ticker = CoinCatalog.Find(text) ?? Pick(FindAll(text));
        return ticker is null
            ? RecognitionResult.Fail(RecognizerErrors.CoinUnknown)
            : RecognitionResult.Ok(new SlotValue(ticker, ticker,
                string.Equals(text, ticker, StringComparison.Ordinal) ? null : text));
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        // "100 USDT", "USDT-TRC20", "coin: USDT": forms where the word can only be the coin.
        var tokens = Scanning.AlnumRuns(text, ".,");
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Of(text);
            var (number, rest) = AmountParser.SplitLeadingNumber(word);
            if (number.Length > 0 && rest.Length > 0 && CoinCatalog.IsTicker(rest))
            {
                return Value(rest.ToUpperInvariant());
            }

            if (!CoinCatalog.IsTicker(word))
            {
                continue;
            }

            var afterNumber = i > 0 && tokens[i - 1].End + 1 >= tokens[i].Start &&
                AmountParser.SplitLeadingNumber(tokens[i - 1].Of(text)).Remainder.Length == 0;
            var beforeNetwork = i + 1 < tokens.Count && tokens[i].End + 1 == tokens[i + 1].Start &&
                text[tokens[i].End] is '-' or '_' &&
                NetworkCatalog.Find(tokens[i + 1].Of(text), out var strong) is not null && strong;
            if (afterNumber || beforeNetwork)
            {
                return Value(word.ToUpperInvariant());
            }
        }

        foreach (var start in Scanning.ValueStartsAfterLabels(text, Labels))
        {
            var run = Scanning.RunAt(text, start, Scanning.IsAsciiAlnum);
            if (run.Length > 0 && CoinCatalog.IsTicker(run.Of(text)))
            {
                return Value(run.Of(text).ToUpperInvariant());
            }
        }

        return null;
    }

    private static SlotValue Value(string ticker) => new(ticker, ticker);

    private static List<(int Position, string Ticker, bool AlsoNetwork)> FindAll(string text)
    {
        var hits = new List<(int Position, string Ticker, bool AlsoNetwork)>();
        foreach (var token in Scanning.AlnumRuns(text))
        {
            var word = token.Of(text);
            var rest = AmountParser.SplitLeadingNumber(word).Remainder;
            if (rest.Length > 0 && CoinCatalog.Find(rest) is { } ticker)
            {
                hits.Add((token.Start, ticker, NetworkCatalog.Find(rest, out _) is not null));
            }
        }

        foreach (var (name, ticker) in CoinCatalog.ChineseNames)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0)
            {
                hits.Add((at, ticker, NetworkCatalog.Find(name, out _) is not null));
            }
        }

        hits.Sort((a, b) => a.Position.CompareTo(b.Position));
        return hits;
    }

    /// <summary>The coin meant: a word that is only a coin beats one that also names a network
    /// ("USDT ERC20 ETH").</summary>
    private static string? Pick(List<(int Position, string Ticker, bool AlsoNetwork)> hits) =>
        hits.Where(h => !h.AlsoNetwork).Select(h => h.Ticker).FirstOrDefault()
        ?? hits.Select(h => h.Ticker).FirstOrDefault();
}
