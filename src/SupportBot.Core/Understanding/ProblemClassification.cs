namespace SupportBot.Core.Understanding;

/// <summary>A classifier's reading of a message: the problem it names and the details it states, unchecked.</summary>
/// <param name="ProblemId">The problem's id as the classifier wrote it (may be one the catalog does not have).</param>
/// <param name="Details">The details it found, by detail kind (may be invented or malformed).</param>
public sealed record ProblemClassification(string ProblemId, IReadOnlyList<ClassifiedDetail> Details);
