using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Knowledge;

namespace SupportBot.Knowledge;

/// <summary>Builds the knowledge base on a background thread so that start-up does not wait for it (loading SmartCn's
/// dictionaries and indexing take over a second on a small machine). A question asked before it is ready waits for
/// it, so every question gets the same answer whenever it comes.</summary>
public sealed class BackgroundKnowledgeBase : IKnowledgeBase, IDisposable
{
    private readonly Task<LuceneKnowledgeBase?> _building;

    /// <summary>Starts building with <paramref name="build"/>.</summary>
    public BackgroundKnowledgeBase(Func<LuceneKnowledgeBase> build, ILogger<BackgroundKnowledgeBase> logger)
    {
        ArgumentNullException.ThrowIfNull(build);
        _building = Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var knowledge = build();
                logger.LogInformation("Knowledge base ready: {Articles} articles indexed in {Milliseconds} ms",
                    knowledge.ArticleCount, clock.ElapsedMilliseconds);
                return knowledge;
            }
            catch (Exception ex)
            {
                // The articles were validated at start-up, so this is a bug; the bot goes on without article answers.
                logger.LogError(ex, "The knowledge base could not be built; questions get no article answers");
                return null;
            }
        });
    }

    /// <summary>Completes when the knowledge base is built (or failed to build).</summary>
    public Task Ready => _building;

    /// <inheritdoc />
    public KnowledgeAnswer? Find(string question, string locale, string? problemId) =>
        _building.GetAwaiter().GetResult()?.Find(question, locale, problemId);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_building.IsCompletedSuccessfully)
        {
            _building.Result?.Dispose();
        }
    }
}
