namespace SupportBot.Core.Engine;

/// <summary>The values of choices the engine offers. Plain values (<c>confirm</c>, <c>skip</c> …) have a title text
/// <c>choice.VALUE</c>; problem and detail choices carry an id.</summary>
public static class ChoiceValues
{
    private const string ProblemPrefix = "problem:";
    private const string DetailPrefix = "detail:";

    /// <summary>Prefix of a CSAT rating choice (<c>rate:1</c> … <c>rate:5</c>).</summary>
    public const string RatingPrefix = "rate:";

    /// <summary>Keep the value given earlier when a later message contradicts it.</summary>
    public const string KeepEarlier = "conflict:earlier";

    /// <summary>Take the later value when it contradicts the one given earlier.</summary>
    public const string TakeNewer = "conflict:newer";

    /// <summary>The choice value that picks a problem.</summary>
    public static string Problem(string id) => ProblemPrefix + id;

    /// <summary>The choice value that picks a detail to change.</summary>
    public static string Detail(string id) => DetailPrefix + id;

    /// <summary>The problem id in a problem choice, or null.</summary>
    public static string? ProblemIdOf(string? value) =>
        value is not null && value.StartsWith(ProblemPrefix, StringComparison.Ordinal) ? value[ProblemPrefix.Length..] : null;

    /// <summary>The detail id in a detail choice, or null.</summary>
    public static string? DetailIdOf(string? value) =>
        value is not null && value.StartsWith(DetailPrefix, StringComparison.Ordinal) ? value[DetailPrefix.Length..] : null;
}
