using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;

namespace SupportBot.Knowledge;

/// <summary>Finds the knowledge passage that answers a question: one in-memory Lucene index per language, one
/// document per article (title, keywords, text and, for Chinese, character pairs), ranked by BM25; the answer is the
/// article's paragraph that shares most with the question. Ranking alone always names a
/// best passage, even for "what's the weather"; the answer is given only when the article covers enough of what the
/// question is about (<see cref="KnowledgeOptions.MinConfidence"/>), measured by the question's terms weighted by
/// how rare they are.</summary>
public sealed class LuceneKnowledgeBase : IKnowledgeBase, IDisposable
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string KeywordsField = "keywords";
    private const string BodyField = "body";
    private const string ProblemField = "problem";
    private const string PairsField = "pairs";

    private readonly Dictionary<string, LanguageIndex> _indexes = new(StringComparer.Ordinal);
    private readonly KnowledgeOptions _options;
    private readonly SynonymExpander _synonyms;

    /// <summary>Indexes <paramref name="articles"/> (all languages together); questions are searched with the
    /// words <paramref name="synonyms"/> say their phrases mean.</summary>
    public LuceneKnowledgeBase(
        IEnumerable<KnowledgeArticle> articles,
        IEnumerable<KnowledgeSynonym>? synonyms = null,
        KnowledgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _options = options ?? new KnowledgeOptions();
        _synonyms = new SynonymExpander(synonyms ?? []);
        foreach (var group in articles.GroupBy(a => a.Locale, StringComparer.Ordinal))
        {
            _indexes[group.Key] = LanguageIndex.Build(group.Key, [.. group]);
        }
    }

    /// <summary>How many articles (counting each language version) are indexed.</summary>
    public int ArticleCount => _indexes.Values.Sum(i => i.Articles.Count);

    /// <inheritdoc />
    public KnowledgeAnswer? Find(string question, string locale, string? problemId)
    {
        if (string.IsNullOrWhiteSpace(question) || question.Length > _options.MaxQuestionLength
            || !_indexes.TryGetValue(locale, out var index))
        {
            return null;
        }

        question = _synonyms.Expand(question, locale);
        var terms = KnowledgeAnalyzers.Terms(index.Analyzer, question);
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(BodyField, term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(TitleField, term)) { Boost = _options.TitleBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(KeywordsField, term)) { Boost = _options.KeywordBoost }, Occur.SHOULD);
        }

        // Chinese words are segmented by a dictionary that does not know every user's spelling ("提不了币"); the
        // character pairs of the question match what segmentation missed.
        foreach (var pair in KnowledgeAnalyzers.CjkPairs(question).Distinct(StringComparer.Ordinal))
        {
            query.Add(new TermQuery(new Term(PairsField, pair)) { Boost = _options.PairBoost }, Occur.SHOULD);
        }

        if (problemId is not null)
        {
            // A nudge, not a filter: within a deposit flow "how long" means the deposit article.
            query.Add(new TermQuery(new Term(ProblemField, problemId)) { Boost = _options.ProblemBoost }, Occur.SHOULD);
        }

        var hits = index.Searcher.Search(query, 1).ScoreDocs;
        if (hits.Length == 0)
        {
            return null;
        }

        var article = index.Articles[index.Searcher.Doc(hits[0].Doc).Get(IdField, System.Globalization.CultureInfo.InvariantCulture)];
        var confidence = index.Coverage(terms, article.Id);
        return confidence < _options.MinConfidence
            ? null
            : new KnowledgeAnswer(article.Id, article.Title, index.BestParagraph(article, terms), confidence, article.Problems);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var index in _indexes.Values)
        {
            index.Dispose();
        }
    }

    /// <summary>One language's articles, their index, and each article's vocabulary.</summary>
    private sealed class LanguageIndex : IDisposable
    {
        private readonly RAMDirectory _directory;
        private readonly DirectoryReader _reader;
        private readonly Dictionary<string, HashSet<string>> _vocabulary;
        private readonly Dictionary<string, List<HashSet<string>>> _paragraphWords;
        private readonly Dictionary<string, HashSet<string>> _titleWords;
        private readonly Dictionary<string, int> _articlesUsing = new(StringComparer.Ordinal);

        private LanguageIndex(
            Analyzer analyzer, RAMDirectory directory, Dictionary<string, KnowledgeArticle> articles,
            Dictionary<string, HashSet<string>> vocabulary, Dictionary<string, List<HashSet<string>>> paragraphWords,
            Dictionary<string, HashSet<string>> titleWords)
        {
            _paragraphWords = paragraphWords;
            _titleWords = titleWords;
            foreach (var term in vocabulary.Values.SelectMany(v => v))
            {
                _articlesUsing[term] = _articlesUsing.GetValueOrDefault(term) + 1;
            }

            Analyzer = analyzer;
            _directory = directory;
            Articles = articles;
            _vocabulary = vocabulary;
            _reader = DirectoryReader.Open(directory);
            Searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        }

        public Analyzer Analyzer { get; }

        /// <summary>The paragraph of <paramref name="article"/> that shares the most (by rarity) with the question
        /// (the title's words counting half for the first); the first one on a tie.</summary>
        public string BestParagraph(KnowledgeArticle article, List<string> terms)
        {
            var best = article.Paragraphs[0];
            var bestScore = 0.0;
            var paragraphs = _paragraphWords[article.Id];
            var title = _titleWords[article.Id];
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var score = terms.Where(paragraphs[i].Contains).Sum(Weight);
                if (i == 0)
                {
                    // The first paragraph answers the title's question (docs/knowledge.md asks authors to write it so):
                    // a title word counts half for it, so that a title with two questions ("what is a TXID and where
                    // do I find it?") does not keep the second one's paragraph from answering.
                    score += terms.Where(t => title.Contains(t) && !paragraphs[0].Contains(t)).Sum(Weight) / 2;
                }

                if (score > bestScore)
                {
                    (best, bestScore) = (article.Paragraphs[i], score);
                }
            }

            return best;
        }

        public IndexSearcher Searcher { get; }

        public Dictionary<string, KnowledgeArticle> Articles { get; }

        public static LanguageIndex Build(string locale, List<KnowledgeArticle> articles)
        {
            var analyzer = KnowledgeAnalyzers.For(locale);
            var directory = new RAMDirectory();
            var config = new IndexWriterConfig(KnowledgeAnalyzers.Version, analyzer) { Similarity = new BM25Similarity() };
            var vocabulary = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var paragraphWords = new Dictionary<string, List<HashSet<string>>>(StringComparer.Ordinal);
            var titleWords = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var article in articles)
                {
                    var keywords = string.Join(" ; ", article.Keywords);
                    var body = string.Join("\n", article.Paragraphs);
                    var words = new HashSet<string>(StringComparer.Ordinal);
                    words.UnionWith(KnowledgeAnalyzers.Terms(analyzer, article.Title));
                    words.UnionWith(KnowledgeAnalyzers.Terms(analyzer, keywords));
                    words.UnionWith(KnowledgeAnalyzers.Terms(analyzer, body));
                    var document = new Document
                    {
                        new StringField(IdField, article.Id, Field.Store.YES),
                        new TextField(TitleField, article.Title, Field.Store.NO),
                        new TextField(KeywordsField, keywords, Field.Store.NO),
                        new TextField(BodyField, body, Field.Store.NO),
                    };
                    foreach (var pair in KnowledgeAnalyzers.CjkPairs(article.Title + "\n" + keywords + "\n" + body))
                    {
                        document.Add(new StringField(PairsField, pair, Field.Store.NO));
                    }

                    foreach (var problem in article.Problems)
                    {
                        document.Add(new StringField(ProblemField, problem, Field.Store.NO));
                    }

                    writer.AddDocument(document);
                    vocabulary[article.Id] = words;

                    paragraphWords[article.Id] =
                    [
                        .. article.Paragraphs.Select(p => new HashSet<string>(KnowledgeAnalyzers.Terms(analyzer, p), StringComparer.Ordinal)),
                    ];
                    titleWords[article.Id] = new HashSet<string>(KnowledgeAnalyzers.Terms(analyzer, article.Title), StringComparer.Ordinal);
                }

                writer.Commit();
            }

            return new LanguageIndex(analyzer, directory, articles.ToDictionary(a => a.Id, StringComparer.Ordinal), vocabulary, paragraphWords, titleWords);
        }

        /// <summary>The share of the question the article speaks about: each question term weighs by its rarity
        /// across the articles (a term no article uses weighs most, since the question is then about something
        /// else); the share is the weight of the terms the article uses.</summary>
        public double Coverage(List<string> terms, string articleId)
        {
            var words = _vocabulary[articleId];
            double total = 0, covered = 0;
            foreach (var term in terms)
            {
                var weight = Weight(term);
                total += weight;
                if (words.Contains(term))
                {
                    covered += weight;
                }
            }

            return total == 0 ? 0 : covered / total;
        }

        /// <summary>How much a term says about what the question is about: rarer among the articles says more,
        /// log(1 + (N + 1) / (df + 1)). A lone Chinese character (segmentation leaves 提, 币, 转 on their own) says
        /// little by itself; a word no article uses ("wtf", "58k", a typo) counts as an average word.</summary>
        private double Weight(string term)
        {
            var frequency = _articlesUsing.GetValueOrDefault(term);
            var weight = frequency == 0
                ? Math.Log(1 + ((_vocabulary.Count + 1.0) / 4.0))
                : Math.Log(1 + ((_vocabulary.Count + 1.0) / (frequency + 1.0)));
            return term.Length == 1 && term[0] >= '\u2E80' ? weight * 0.3 : weight;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
            Analyzer.Dispose();
        }
    }
}
