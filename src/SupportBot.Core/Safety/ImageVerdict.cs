namespace SupportBot.Core.Safety;

/// <summary>What an <see cref="IImageInspector"/> made of one attachment. Holds kinds only, never what was read.</summary>
/// <param name="Outcome">Kept, removed, or kept unchecked.</param>
/// <param name="Kinds">The kinds of secret it showed, most serious first; empty unless
/// <see cref="ImageOutcome.Secret"/>.</param>
/// <param name="TwoFactorSetup">It showed a 2FA setup key (an <c>otpauth://</c> QR code), told apart from a one-time
/// code because the advice differs (reset the authenticator).</param>
public sealed record ImageVerdict(ImageOutcome Outcome, IReadOnlyList<SecretKind> Kinds, bool TwoFactorSetup = false)
{
    /// <summary>Read, and nothing secret in it.</summary>
    public static readonly ImageVerdict Clean = new(ImageOutcome.Clean, []);

    /// <summary>Not an image (a PDF): nothing to read.</summary>
    public static readonly ImageVerdict NotAnImage = new(ImageOutcome.NotAnImage, []);

    /// <summary>The image could not be read in time or at all.</summary>
    public static readonly ImageVerdict NotChecked = new(ImageOutcome.NotChecked, []);
}
