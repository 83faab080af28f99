namespace SupportBot.Knowledge;

/// <summary>How the knowledge search ranks and when it answers. The defaults were tuned on
/// <c>docs/knowledge-questions.tsv</c> (figures in <c>docs/knowledge.md</c>).</summary>
public sealed record KnowledgeOptions
{
    /// <summary>The share of a question's weight its best article must cover to be given as the answer.</summary>
    public double MinConfidence { get; init; } = 0.2;

    /// <summary>Weight of a match in the article's title against one in its text.</summary>
    public float TitleBoost { get; init; } = 2f;

    /// <summary>Weight of a match in the article's keywords against one in its text.</summary>
    public float KeywordBoost { get; init; } = 2f;

    /// <summary>Weight of a Chinese character pair shared with the article (they back up word segmentation).</summary>
    public float PairBoost { get; init; } = 0.3f;

    /// <summary>Weight of the article belonging to the problem being reported.</summary>
    public float ProblemBoost { get; init; } = 2f;

    /// <summary>Longer messages are reports, not questions; they are not searched.</summary>
    public int MaxQuestionLength { get; init; } = 500;
}
