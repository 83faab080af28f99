using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Knowledge;

namespace SupportBot.Knowledge.Tests;

public sealed class BackgroundKnowledgeBaseTests
{
    private static readonly KnowledgeArticle Memo = new()
    {
        Id = "memo", Locale = "en", Title = "What is a memo?", Problems = [], Keywords = ["memo"],
        Paragraphs = ["Some coins need a memo to tell deposits apart."],
    };

    [Fact]
    public async Task AQuestionAskedWhileBuildingWaitsForTheAnswer()
    {
        using var release = new ManualResetEventSlim();
        using var knowledge = new BackgroundKnowledgeBase(
            () =>
            {
                release.Wait(TestContext.Current.CancellationToken);
                return new LuceneKnowledgeBase([Memo]);
            },
            NullLogger<BackgroundKnowledgeBase>.Instance);

        var asking = Task.Run(() => knowledge.Find("what is a memo?", "en", null), TestContext.Current.CancellationToken);
        Assert.False(knowledge.Ready.IsCompleted);
        release.Set();

        Assert.Equal("memo", (await asking)?.ArticleId);
    }

    [Fact]
    public async Task ABuildThatFailsLeavesTheBotWithoutArticleAnswers()
    {
        using var knowledge = new BackgroundKnowledgeBase(
            () => throw new InvalidOperationException("broken index"), NullLogger<BackgroundKnowledgeBase>.Instance);
        await knowledge.Ready;

        Assert.Null(knowledge.Find("what is a memo?", "en", null));
    }
}
