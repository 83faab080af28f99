using System.Text;

namespace SupportBot.Core.Safety;

/// <summary>Replaces each finding with a label, so the rest of the message can still be stored and read.</summary>
public static class Redactor
{
    /// <summary>The text with every finding replaced by <paramref name="label"/> of its kind. Findings may come in
    /// any order and overlap; overlapping ones are merged first.</summary>
    public static string Redact(string text, IReadOnlyList<SecretFinding> findings, Func<SecretKind, string> label)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(label);
        if (findings.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in FindingMerger.Merge([.. findings]))
        {
            var start = Math.Clamp(finding.Start, position, text.Length);
            var end = Math.Clamp(finding.Start + finding.Length, start, text.Length);
            builder.Append(text, position, start - position).Append(label(finding.Kind));
            position = end;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
