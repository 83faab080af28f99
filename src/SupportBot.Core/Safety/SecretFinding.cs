namespace SupportBot.Core.Safety;

/// <summary>Where a secret was found. Holds positions only, never the secret itself.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Start">Index of the first character in the scanned text.</param>
/// <param name="Length">Number of characters.</param>
public sealed record SecretFinding(SecretKind Kind, int Start, int Length);
