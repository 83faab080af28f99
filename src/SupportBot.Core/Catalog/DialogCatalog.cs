using SupportBot.Core.Knowledge;

namespace SupportBot.Core.Catalog;

/// <summary>Everything loaded from <c>dialogs/</c>: the problems, the texts, the commands, the knowledge articles,
/// the agents' canned replies.</summary>
public sealed class DialogCatalog
{
    private readonly Dictionary<string, ProblemDefinition> _problemsById;

    /// <summary>Creates a catalog; the loader has already validated it.</summary>
    public DialogCatalog(
        IReadOnlyList<ProblemDefinition> problems,
        IReadOnlyDictionary<string, LocalizedText> texts,
        IReadOnlyDictionary<string, IReadOnlyList<string>> commands,
        IReadOnlyList<KnowledgeArticle> knowledge,
        IReadOnlyList<CannedReply>? cannedReplies = null,
        IReadOnlyList<KnowledgeSynonym>? synonyms = null)
    {
        Synonyms = synonyms ?? [];
        CannedReplies = cannedReplies ?? [];
        Problems = [.. problems.OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal)];
        _problemsById = Problems.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Texts = texts;
        Commands = commands;
        Knowledge = knowledge;
    }

    /// <summary>Problems in menu order.</summary>
    public IReadOnlyList<ProblemDefinition> Problems { get; }

    /// <summary>Every user-facing text by key (e.g. <c>greeting</c>, <c>error.uid.format</c>).</summary>
    public IReadOnlyDictionary<string, LocalizedText> Texts { get; }

    /// <summary>Command words by command id (<c>cancel</c>, <c>back</c>, <c>restart</c>, <c>help</c>, <c>human</c>,
    /// <c>skip</c>, <c>yes</c>, <c>no</c> …), all locales together, compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; }

    /// <summary>The knowledge articles (every language version), which answer users' questions.</summary>
    public IReadOnlyList<KnowledgeArticle> Knowledge { get; }

    /// <summary>Users' words for the articles' words, searched along with them.</summary>
    public IReadOnlyList<KnowledgeSynonym> Synonyms { get; }

    /// <summary>Canned replies agents pick in the console (per language), from <c>dialogs/canned.yaml</c>.</summary>
    public IReadOnlyList<CannedReply> CannedReplies { get; }

    /// <summary>The problem with <paramref name="id"/>, or null.</summary>
    public ProblemDefinition? FindProblem(string? id) =>
        id is not null && _problemsById.TryGetValue(id, out var p) ? p : null;

    /// <summary>The text with <paramref name="key"/>; a missing key is a bug the loader's checks prevent.</summary>
    public LocalizedText Text(string key) =>
        Texts.TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"The dialogs define no text '{key}'.");
}
