using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;

namespace SupportBot.Core.Engine;

/// <summary>Answers a question from the knowledge base: only text that reads like a question is searched, in the
/// language it is written in, and only a confident passage is said (with its article's title).</summary>
internal sealed class KnowledgeResponder
{
    private readonly IKnowledgeBase? _knowledge;
    private readonly ReplyBuilder _replies;

    public KnowledgeResponder(IKnowledgeBase? knowledge, ReplyBuilder replies)
    {
        _knowledge = knowledge;
        _replies = replies;
    }

    /// <summary>Says the passage that answers the turn's text and returns true, or returns false and says nothing
    /// (no knowledge base, not a question, no confident answer). <paramref name="askedFor"/> names what the bot just
    /// asked for ("Withdrawal ID"): "where do I find it?" is about that.</summary>
    public bool TryAnswer(Turn turn, string? problemId, LocalizedText? askedFor = null)
    {
        if (Find(turn, problemId, askedFor) is not { } found)
        {
            return false;
        }

        Say(turn, found.Answer, found.Locale, problemId);
        return true;
    }

    /// <summary>The answer to the turn's text and the language it is in, or null (no knowledge base, not a question,
    /// no confident answer).</summary>
    public (KnowledgeAnswer Answer, string Locale)? Find(Turn turn, string? problemId, LocalizedText? askedFor = null)
    {
        var text = turn.Text;
        if (_knowledge is null || text.Length == 0 || !TextMatching.LooksLikeQuestion(text))
        {
            return null;
        }

        // Searched in the language it is written in: a Chinese question in an English conversation still finds the
        // Chinese article, and the answer comes in the words the user used.
        var locale = TextMatching.HasCjk(text) ? Locales.Supported.Chinese
            : TextMatching.HasLatinWords(text, 3) ? Locales.Supported.English
            : turn.Locale;
        var question = askedFor is null ? text : text + "\n" + askedFor.Get(locale);
        return _knowledge.Find(question, locale, problemId) is { } answer ? (answer, locale) : null;
    }

    /// <summary>Says <paramref name="answer"/>: the article's title, then the passage.</summary>
    public void Say(Turn turn, KnowledgeAnswer answer, string locale, string? problemId) =>
        turn.Say(BotReply.Plain(_replies.Text(TextKeys.KnowledgeAnswer, locale, ("title", answer.Title), ("passage", answer.Passage)))
            with { ProblemId = problemId, StepId = Steps.Knowledge });
}
