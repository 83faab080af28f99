namespace SupportBot.Core.Safety;

/// <summary>Sorts findings and merges overlapping ones, keeping the most serious kind, so redaction can replace
/// them left to right.</summary>
internal static class FindingMerger
{
    /// <summary>The sorted, non-overlapping union of <paramref name="findings"/>.</summary>
    public static SecretFinding[] Merge(List<SecretFinding> findings)
    {
        if (findings.Count <= 1)
        {
            return [.. findings];
        }

        findings.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<SecretFinding>(findings.Count);
        var current = findings[0];
        for (var i = 1; i < findings.Count; i++)
        {
            var next = findings[i];
            var currentEnd = current.Start + current.Length;
            if (next.Start < currentEnd)
            {
                var end = Math.Max(currentEnd, next.Start + next.Length);
                current = new SecretFinding(MoreSerious(current.Kind, next.Kind), current.Start, end - current.Start);
            }
            else
            {
                merged.Add(current);
                current = next;
            }
        }

        merged.Add(current);
        return [.. merged];
    }

    /// <summary>A seed phrase or key exposes the whole wallet, a password one account, a code one action; the enum
    /// lists them in that order.</summary>
    private static SecretKind MoreSerious(SecretKind a, SecretKind b) => a <= b ? a : b;
}
