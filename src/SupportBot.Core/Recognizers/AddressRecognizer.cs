namespace SupportBot.Core.Recognizers;

/// <summary>Wallet address, with its checksum verified and checked against the network detail when one was given.
/// Value keeps the address as written (segwit lower-cased).</summary>
public sealed class AddressRecognizer : TextSlotRecognizer
{
    private const int MinCandidateLength = 25;

    /// <inheritdoc />
    public override string Kind => SlotKinds.Address;

    /// <inheritdoc />
    protected override RecognitionResult RecognizeClean(string text, RecognizerContext context)
    {
        var network = NetworkCatalog.FromContext(context);
        ChainValue? error = null;
        foreach (var candidate in Candidates(text))
        {
            var classified = AddressFormats.CheckNetwork(AddressFormats.Classify(candidate), network);
            if (classified.IsValid)
            {
                return classified.ToResult(text);
            }

            // A checksum or network problem says more than "not an address" about a near-miss.
            if (error is null || error.Error == RecognizerErrors.AddressFormat)
            {
                error = classified;
            }
        }

        return error?.ToResult(text) ?? RecognitionResult.Fail(RecognizerErrors.AddressFormat);
    }

    /// <inheritdoc />
    protected override SlotValue? ExtractClean(string text, RecognizerContext context)
    {
        var network = NetworkCatalog.FromContext(context);
        foreach (var token in Scanning.AlnumRuns(text))
        {
            var word = token.Of(text);
            if (word.Length < MinCandidateLength || word.Length > 90)
            {
                continue;
            }

            var classified = AddressFormats.Classify(word);
            if (AddressFormats.IsUnambiguous(word, classified) &&
                AddressFormats.CheckNetwork(classified, network) is { IsValid: true } ok)
            {
                return new SlotValue(ok.Value!, ok.Value!);
            }
        }

        return null;
    }

    /// <summary>Long words of the answer, and TON's base64url words (which hold '-' and '_').</summary>
    private static IEnumerable<string> Candidates(string text)
    {
        foreach (var token in Scanning.AlnumRuns(text))
        {
            if (token.Length >= MinCandidateLength)
            {
                yield return token.Of(text);
            }
        }

        foreach (var token in Scanning.AlnumRuns(text, "-_+/="))
        {
            if (token.Length == 48 && token.Of(text).IndexOfAny(['-', '_', '+', '/']) >= 0)
            {
                yield return token.Of(text);
            }
        }
    }
}
