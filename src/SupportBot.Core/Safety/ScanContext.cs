namespace SupportBot.Core.Safety;

/// <summary>What the conversation is doing, which decides ambiguous cases.</summary>
/// <param name="ExpectingTransactionId">The bot just asked for a TXID: 64 hex characters are a hash, not a key.</param>
/// <param name="CodeRecentlyMentioned">The bot or the user mentioned a verification code in the previous turn, so a
/// lone 4–8 digit message is treated as a code.</param>
public sealed record ScanContext(bool ExpectingTransactionId = false, bool CodeRecentlyMentioned = false)
{
    /// <summary>No conversation context (the <c>scan</c> command, outbound checks).</summary>
    public static readonly ScanContext None = new();
}
