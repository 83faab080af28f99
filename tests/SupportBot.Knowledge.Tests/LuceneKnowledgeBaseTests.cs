using SupportBot.Core.Knowledge;

namespace SupportBot.Knowledge.Tests;

/// <summary>The search over a few small articles written here, so each rule can be seen on its own.</summary>
public sealed class LuceneKnowledgeBaseTests : IDisposable
{
    private static KnowledgeArticle Article(string id, string locale, string title, string[] problems, string[] keywords, params string[] paragraphs) =>
        new() { Id = id, Locale = locale, Title = title, Problems = problems, Keywords = keywords, Paragraphs = paragraphs };

    private static readonly KnowledgeArticle[] Articles =
    [
        Article("deposit-time", "en", "How long does a deposit take?", ["deposit"], ["deposit time"],
            "A deposit arrives after the network confirms it, usually within half an hour.",
            "Busy networks take longer."),
        Article("ticket-time", "en", "How long until support replies?", [], ["reply time"],
            "Support answers tickets in order of urgency.",
            "Replies come to this chat."),
        Article("memo", "en", "What is a memo?", ["deposit"], ["memo", "tag"],
            "Some coins share one address and need a memo to tell deposits apart.",
            "Without the memo the deposit is not credited automatically; open a ticket."),
        Article("memo", "zh-CN", "什么是 Memo？", ["deposit"], ["memo", "标签"],
            "有些币种共用一个充值地址，要靠 Memo 区分是谁的充值。",
            "漏填 Memo 不会自动到账，请提交工单。"),
        Article("withdrawal-time", "zh-CN", "提现要多久？", ["withdrawal"], ["提现多久"],
            "大多数提现会在几分钟到一小时内发出。"),
    ];

    private static readonly KnowledgeSynonym[] Synonyms =
    [
        new("en", "tag", "memo"),
        new("zh-CN", "提u", "提现"),
        new("en", "pw", "password"),
    ];

    private readonly LuceneKnowledgeBase _knowledge = new(Articles, Synonyms);

    public void Dispose() => _knowledge.Dispose();

    [Fact]
    public void TheBestArticlesParagraphComesWithItsTitle()
    {
        var answer = _knowledge.Find("will my deposit without the memo get credited?", "en", null);

        Assert.NotNull(answer);
        Assert.Equal("memo", answer.ArticleId);
        Assert.Equal("What is a memo?", answer.Title);
        Assert.Equal("Without the memo the deposit is not credited automatically; open a ticket.", answer.Passage);
        Assert.Equal(["deposit"], answer.Problems);
    }

    [Fact]
    public void TheFirstParagraphAnswersTheTitlesQuestion()
    {
        var answer = _knowledge.Find("how long does a deposit take", "en", null);

        Assert.Equal("A deposit arrives after the network confirms it, usually within half an hour.", answer?.Passage);
    }

    [Fact]
    public void TheProblemBeingReportedDecidesBetweenTwoFittingArticles()
    {
        Assert.Equal("deposit-time", _knowledge.Find("how long does it take?", "en", "deposit")?.ArticleId);
        Assert.Equal("ticket-time", _knowledge.Find("how long until support replies?", "en", "deposit")?.ArticleId);
    }

    [Fact]
    public void ChineseQuestionsFindChineseArticlesThroughSynonymsToo()
    {
        Assert.Equal("memo", _knowledge.Find("忘了填memo怎么办", "zh-CN", null)?.ArticleId);
        Assert.Equal("withdrawal-time", _knowledge.Find("提u要多久", "zh-CN", null)?.ArticleId);
    }

    [Fact]
    public void ASynonymMatchesWholeLatinWordsOnly()
    {
        var expander = new SynonymExpander(Synonyms);

        Assert.Equal("where do i put the tag memo", expander.Expand("where do i put the tag", "en"));
        Assert.Equal("vintage stage", expander.Expand("vintage stage", "en"));
        Assert.Equal("my PW is wrong password", expander.Expand("my PW is wrong", "en"));
        Assert.Equal("提u要多久 提现", expander.Expand("提u要多久", "zh-CN"));
    }

    [Theory]
    [InlineData("what's the weather like today?", "en")]
    [InlineData("how are you?", "en")]
    [InlineData("", "en")]
    [InlineData("what is a memo?", "fr")]
    public void NoConfidentAnswerIsNoAnswer(string question, string locale)
    {
        Assert.Null(_knowledge.Find(question, locale, null));
    }

    [Fact]
    public void AMessageLongerThanAQuestionIsNotSearched()
    {
        var report = "what is a memo? " + string.Concat(Enumerable.Repeat("it happened like this and then that. ", 20));

        Assert.Null(_knowledge.Find(report, "en", null));
        Assert.NotNull(_knowledge.Find("what is a memo?", "en", null));
    }
}
