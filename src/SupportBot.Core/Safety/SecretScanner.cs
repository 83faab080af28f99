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

        var cues = new CueIndex(text);
        var findings = new List<SecretFinding>();
        var budget = ChecksumBudget;
        EnglishSeedDetector.Detect(text, cues, findings);
        ChineseSeedDetector.Detect(text, cues, findings, ref budget);
        PrivateKeyDetector.Detect(text, context, cues, findings);
        StructuredKeyDetector.Detect(text, findings);
        PasswordDetector.Detect(text, cues, findings);
        VerificationCodeDetector.Detect(text, context, cues, findings);
        var mentionsCode = VerificationCodeDetector.MentionsCode(cues);
        return findings.Count == 0 && !mentionsCode
            ? ScanResult.Clean
            : new ScanResult(FindingMerger.Merge(findings), mentionsCode);
    }
}
