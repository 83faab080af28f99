using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>Compares (detail, locale) keys by the detail's identity: details are records, and hashing one by value
/// would walk all its texts on every lookup.</summary>
internal sealed class QuestionKeyComparer : IEqualityComparer<(DetailDefinition Detail, string Locale)>
{
    public static readonly QuestionKeyComparer Instance = new();

    public bool Equals((DetailDefinition Detail, string Locale) x, (DetailDefinition Detail, string Locale) y) =>
        ReferenceEquals(x.Detail, y.Detail) && string.Equals(x.Locale, y.Locale, StringComparison.Ordinal);

    public int GetHashCode((DetailDefinition Detail, string Locale) obj) =>
        HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Detail), StringComparer.Ordinal.GetHashCode(obj.Locale));
}
