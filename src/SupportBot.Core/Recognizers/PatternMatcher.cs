using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SupportBot.Core.Recognizers;

/// <summary>Runs a detail's <c>pattern</c> from the dialog files: a full match with the non-backtracking engine, so
/// an operator's pattern cannot make a long message slow. Compiled patterns are cached.</summary>
public static class PatternMatcher
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> in full.</summary>
    public static bool IsFullMatch(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        return Cache.GetOrAdd(pattern, Build).IsMatch(value);
    }

    /// <summary>Whether <paramref name="pattern"/> is usable (the non-backtracking engine rejects lookarounds and
    /// backreferences); for the dialog loader to report a broken file at start-up.</summary>
    public static bool IsValid(string pattern, out string? error)
    {
        try
        {
            Cache.GetOrAdd(pattern, Build);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static Regex Build(string pattern) =>
        new("\\A(?:" + pattern + ")\\z",
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
