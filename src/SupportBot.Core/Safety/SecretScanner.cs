namespace SupportBot.Core.Safety;

/// <summary>Finds seed phrases, private keys, verification codes and passwords in chat text. Every detector is a
/// hand-written single pass over the text (no regular expressions), so the time is linear in the input, and the
/// scanner holds no state between calls, so one instance serves all conversations.</summary>
public sealed class SecretScanner : ISecretScanner
{
    // Checksum tests are cheap but not free; a chat message never needs this many, hostile input might.
    private const int ChecksumBudget = 4096;

    /// <inheritdoc />
    public ScanResult Scan(string text, ScanContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        if (text.Length == 0)
        {
            return ScanResult.Clean;
        }

        if (!TextFolder.NeedsFolding(text, out var invisible))
        {
            var findings = new List<SecretFinding>();
            var mentions = ScanPlain(text, context, findings);
            return Result(findings, mentions);
        }

        // Full-width letters, look-alike letters and invisible characters are undone first; an invisible
        // character inside a word joins it ("aban\u200Bdon"), between words it separates them, so both are read.
        var all = new List<SecretFinding>();
        var mentionsCode = false;
        foreach (var asSpace in invisible ? (bool[])[false, true] : [false])
        {
            var folded = TextFolder.Fold(text, asSpace, out var map);
            var found = new List<SecretFinding>();
            mentionsCode |= ScanPlain(folded, context, found);
            foreach (var finding in found)
            {
                all.Add(TextFolder.MapBack(finding, map));
            }
        }

        return Result(all, mentionsCode);
    }

    private static ScanResult Result(List<SecretFinding> findings, bool mentionsCode) =>
        findings.Count == 0 && !mentionsCode
            ? ScanResult.Clean
            : new ScanResult(FindingMerger.Merge(findings), mentionsCode);

    /// <summary>Runs every detector over text with nothing left to fold; returns whether a code is mentioned.</summary>
    private static bool ScanPlain(string text, ScanContext context, List<SecretFinding> findings)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var cues = new CueIndex(text);
        var budget = ChecksumBudget;
        EnglishSeedDetector.Detect(text, cues, findings);
        InterleavedSeedDetector.Detect(text, findings);
        ChineseSeedDetector.Detect(text, cues, findings, ref budget);
        PrivateKeyDetector.Detect(text, context, cues, findings);
        StructuredKeyDetector.Detect(text, findings);
        ApiKeyPairDetector.Detect(text, findings);
        PasswordDetector.Detect(text, cues, findings);
        VerificationCodeDetector.Detect(text, context, cues, findings);
        return VerificationCodeDetector.MentionsCode(cues);
    }
}
