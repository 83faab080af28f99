namespace SupportBot.Core.Recognizers;

/// <summary>Network: ERC20, TRC20, BEP20, Solana … by any alias, case and punctuation ignored ("trc-20", "Tron",
/// "波场", "bsc"). Value is the canonical id (<see cref="NetworkInfo.Id"/>), Display its name.</summary>
public sealed class NetworkRecognizer : TextSlotRecognizer
{
    private const int MaxWordsInAlias = 3;

    /// <inheritdoc />
    public override string Kind => SlotKinds.Network;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var whole = NetworkCatalog.Find(text, out _);
        if (whole is not null)
        {
            return Ok(whole, text);
        }

        var hits = FindAll(text);
        var best = hits.Where(h => h.Strong).Select(h => h.Network).FirstOrDefault()
            ?? hits.Select(h => h.Network).FirstOrDefault();
        return best is null ? RecognitionResult.Fail(RecognizerErrors.NetworkUnknown) : Ok(best, text);
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        var strong = FindAll(text).Where(h => h.Strong).Select(h => h.Network).Distinct().ToList();
        return strong.Count == 1 ? new SlotValue(strong[0].Id, strong[0].DisplayName) : null;
    }

    /// <summary>Every alias in <paramref name="text"/>, in order of position.</summary>
    internal static List<(int Position, NetworkInfo Network, bool Strong)> FindAll(string text)
    {
        var hits = new List<(int Position, NetworkInfo Network, bool Strong)>();
        var tokens = Scanning.AlnumRuns(text);
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            for (var n = Math.Min(MaxWordsInAlias, tokens.Count - i); n >= 1 && matched == 0; n--)
            {
                if (n > 1 && !Adjacent(text, tokens[i + n - 2], tokens[i + n - 1]))
                {
                    continue;
                }

                var joined = string.Concat(tokens.Skip(i).Take(n).Select(t => t.Of(text)));
                if (NetworkCatalog.Find(joined, out var strong) is { } network)
                {
                    hits.Add((tokens[i].Start, network, strong));
                    matched = n;
                }
            }

            i += Math.Max(matched, 1);
        }

        foreach (var (alias, network, strong) in NetworkCatalog.ChineseAliases)
        {
            var at = text.IndexOf(alias, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                hits.Add((at, network, strong));
            }
        }

        hits.Sort((a, b) => a.Position.CompareTo(b.Position));
        return hits;
    }

    /// <summary>Words of one alias sit next to each other, split at most by a space or a dash ("C-Chain").</summary>
    private static bool Adjacent(string text, TextSpan left, TextSpan right)
    {
        var gap = right.Start - left.End;
        return gap == 0 || (gap == 1 && text[left.End] is ' ' or '-' or '_' or '.');
    }

    private static RecognitionResult Ok(NetworkInfo network, string text) =>
        RecognitionResult.Ok(new SlotValue(network.Id, network.DisplayName,
            string.Equals(text, network.Id, StringComparison.Ordinal) ? null : text));
}
