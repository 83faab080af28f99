using SupportBot.Core.Codecs;

namespace SupportBot.Core.Recognizers;

/// <summary>Transaction hash (TXID, 交易哈希): EVM 0x + 64 hex (lower-cased), Bitcoin/Tron 64 hex, Solana base58
/// signature; also pulled out of a block-explorer link, and re-joined when copy-paste split it with a space or a line
/// break. Checked against the network detail when one was filled.</summary>
public sealed class TxIdRecognizer : TextSlotRecognizer
{
    private static readonly string[] Labels =
    [
        "txid", "tx id", "tx hash", "txhash", "transaction id", "transaction hash", "tx", "hash", "交易哈希", "哈希值",
        "哈希", "交易ID", "交易号", "交易编号",
    ];

    /// <inheritdoc />
    public override string Kind => SlotKinds.TxId;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var network = NetworkCatalog.FromContext(context);
        if (TxIdFormats.FromExplorerUrl(text) is { } fromUrl)
        {
            return TxIdFormats.CheckNetwork(TxIdFormats.Classify(fromUrl), network).ToResult(text);
        }

        ChainValue? firstError = null;
        var longest = 0;
        foreach (var candidate in Candidates(text))
        {
            var classified = TxIdFormats.CheckNetwork(TxIdFormats.Classify(candidate), network);
            if (classified.IsValid)
            {
                return classified.ToResult(text);
            }

            // Report the most hash-like failure: a network mismatch, else the longest candidate's problem.
            if (firstError?.Error != RecognizerErrors.TxIdNetwork &&
                (classified.Error == RecognizerErrors.TxIdNetwork || candidate.Length > longest))
            {
                firstError = classified;
                longest = candidate.Length;
            }
        }

        return firstError?.ToResult(text) ?? RecognitionResult.Fail(RecognizerErrors.TxIdFormat);
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        var network = NetworkCatalog.FromContext(context);
        if (TxIdFormats.FromExplorerUrl(text) is { } fromUrl)
        {
            return Accept(fromUrl, network);
        }

        // A labelled hash, or a Solana signature (no other detail is 87-88 base58 characters). An unlabelled
        // 0x + 64 hex is left alone: it could be a private key.
        foreach (var start in Scanning.ValueStartsAfterLabels(text, Labels))
        {
            var run = Scanning.RunAt(text, start, Scanning.IsAsciiAlnum);
            if (run.Length >= 64 && Accept(run.Of(text), network) is { } value)
            {
                return value;
            }
        }

        foreach (var token in Scanning.AlnumRuns(text))
        {
            if (token.Length is >= 86 and <= 88 && HexText.IsBase58(token.Of(text)) &&
                Accept(token.Of(text), network) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static SlotValue? Accept(string candidate, NetworkInfo? network)
    {
        var classified = TxIdFormats.CheckNetwork(TxIdFormats.Classify(candidate), network);
        return classified.IsValid ? new SlotValue(classified.Value!, classified.Value!) : null;
    }

    /// <summary>Hash-like words of the answer; pieces split only by spaces are joined first ("0xab12 34cd…"), then
    /// tried one by one.</summary>
    private static IEnumerable<string> Candidates(string text)
    {
        var tokens = Scanning.AlnumRuns(text).Where(t => IsHashLike(t.Of(text))).ToList();
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i + 1;
            while (j < tokens.Count && Scanning.OnlySpacesBetween(text, tokens[j - 1].End, tokens[j].Start) &&
                !HexText.HasPrefix(tokens[j].Of(text)))
            {
                j++;
            }

            if (j - i > 1)
            {
                yield return string.Concat(tokens.Skip(i).Take(j - i).Select(t => t.Of(text)));
            }

            for (var k = i; k < j; k++)
            {
                yield return tokens[k].Of(text);
            }

            i = j;
        }
    }

    /// <summary>Hex or base58 with a digit in it (so "transaction" is not a piece of a hash), or very long; or a lone
    /// "0x" that a line break cut off its hash.</summary>
    private static bool IsHashLike(string word) =>
        word is "0x" or "0X" ||
        (word.Length >= 4 && (HexText.IsHex(word) || HexText.HasPrefix(word) || HexText.IsBase58(word)) &&
            (word.Any(char.IsAsciiDigit) || word.Length >= 40));
}
