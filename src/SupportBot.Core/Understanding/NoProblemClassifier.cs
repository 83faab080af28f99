using SupportBot.Core.Activities;

namespace SupportBot.Core.Understanding;

/// <summary>The classifier with AI off: never has an opinion. Completes synchronously without allocating, so the
/// turn path costs the same as before classifiers existed.</summary>
public sealed class NoProblemClassifier : IProblemClassifier
{
    /// <summary>The one instance.</summary>
    public static readonly NoProblemClassifier Instance = new();

    private NoProblemClassifier()
    {
    }

    /// <inheritdoc />
    public ValueTask<ProblemClassification?> ClassifyAsync(
        ConversationKey conversation, string text, string locale, CancellationToken cancellationToken) => default;
}
