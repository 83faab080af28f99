namespace SupportBot.Core.Safety;

/// <summary>What the guard made of one user message.</summary>
/// <param name="RedactedText">The message with every secret replaced by a label; the only form that may be stored,
/// logged, shown to an agent or sent to a model.</param>
/// <param name="Scan">The findings (positions in the original text) and whether a code was mentioned.</param>
/// <param name="Warnings">What to tell the user, in their language: one text per kind of secret found, then the
/// compromised-wallet advice when it applies. Empty when nothing was found.</param>
/// <param name="WalletCompromised">A seed phrase or private key left the wallet: the funds must move now.</param>
public sealed record GuardResult(
    string RedactedText,
    ScanResult Scan,
    IReadOnlyList<string> Warnings,
    bool WalletCompromised)
{
    /// <summary>The message held wordlist words that could be part of a seed phrase sent in pieces; they were
    /// redacted (<see cref="ConversationGuard"/>).</summary>
    public bool HeldSeedWords { get; init; }

    /// <summary>Earlier messages of the conversation that carried pieces of the phrase this message completed (or
    /// repeated in full): the channel should delete them too.</summary>
    public IReadOnlyList<string> EarlierMessageIds { get; init; } = [];
}
