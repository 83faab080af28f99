namespace SupportBot.Core.Knowledge;

/// <summary>One knowledge article in one language, from <c>dialogs/knowledge/ID.LOCALE.md</c>: what the bot answers
/// questions with ("how long does a TRC20 withdrawal take?"). Each paragraph can be shown on its own.</summary>
public sealed record KnowledgeArticle
{
    /// <summary>Stable id, the same in every language version of the article.</summary>
    public required string Id { get; init; }

    /// <summary>The article's title in its language; shown above the passage that answers.</summary>
    public required string Title { get; init; }

    /// <summary>The locale the article is written in (<c>en</c>, <c>zh-CN</c>).</summary>
    public required string Locale { get; init; }

    /// <summary>Problem ids the article belongs to; within such a flow it ranks higher.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>Phrases users type when they mean this article.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>The body, one self-contained passage per paragraph.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>Where it was loaded from (<c>dialogs/knowledge/memo.en.md</c>), for messages to the operator.</summary>
    public string Source { get; init; } = "";
}
