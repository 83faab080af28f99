using SupportBot.Core.Activities;

namespace SupportBot.Core.Safety;

/// <summary>What <see cref="ScreenshotGuard"/> made of a message's attachments.</summary>
/// <param name="Kept">The attachments that may be stored and shown (clean, unchecked, or not images), in order.</param>
/// <param name="Warnings">What to tell the user about the removed ones, in their language; empty when none was.</param>
/// <param name="AgentNotes">What the agent reads in the transcript: one removal note per removed screenshot, one
/// "not checked" note per screenshot kept unread.</param>
/// <param name="WalletCompromised">A removed screenshot showed a seed phrase or private key.</param>
public sealed record ScreenshotCheck(
    IReadOnlyList<Attachment> Kept,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> AgentNotes,
    bool WalletCompromised)
{
    /// <summary>Whether any attachment was removed for showing a secret.</summary>
    public bool Removed => Warnings.Count > 0;

    /// <summary>Nothing inspected: every attachment is kept as it came.</summary>
    public static ScreenshotCheck Unchecked(IReadOnlyList<Attachment> attachments) => new(attachments, [], [], false);
}
