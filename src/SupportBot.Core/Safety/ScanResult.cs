namespace SupportBot.Core.Safety;

/// <summary>The findings of one scan, sorted by position and non-overlapping.</summary>
/// <param name="Findings">What was found.</param>
/// <param name="MentionsCode">The text talks about a verification code (验证码, "2FA code" …) without necessarily
/// containing one; the router remembers this so that a lone code in the next message is caught.</param>
public sealed record ScanResult(IReadOnlyList<SecretFinding> Findings, bool MentionsCode)
{
    /// <summary>Nothing found.</summary>
    public static readonly ScanResult Clean = new([], false);

    /// <summary>Whether anything was found.</summary>
    public bool HasSecrets => Findings.Count > 0;
}
