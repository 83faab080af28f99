using System.Globalization;
using System.Text;
using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;
using SupportBot.Testing;

namespace SupportBot.Knowledge.Tests;

/// <summary>Runs the question corpora in <c>docs/</c> (written apart from the articles, in users' words, both
/// languages, some that no article answers) through the shipped knowledge base and measures how many get an answer
/// and how many get the right article. With UPDATE_DOCS=1 it rewrites the figures in
/// <c>docs/knowledge.md</c>. The floors below sit just under the measured figures, so a change to the articles, the
/// analyzers or the threshold that loses answers fails here.</summary>
public sealed class KnowledgeCorpusTests(ITestOutputHelper output)
{
    private const string NoArticle = "-";

    /// <summary>The tuning corpus (the synonyms and the threshold were chosen looking at its misses) and the held-out
    /// one (written afterwards by someone who saw only the articles, never used for tuning).</summary>
    [Theory]
    [InlineData("knowledge-questions.tsv", "tuning", 0.70, 0.75, 3)]
    [InlineData("knowledge-questions-heldout.tsv", "held-out", 0.60, 0.70, 1)]
    public void CorpusQuestionsGetTheRightArticle(string file, string name, double minCorrect, double minPrecision, int maxWronglyAnswered)
    {
        var rows = Rows(file);
        var knowledge = TestBot.ShippedKnowledgeBase;
        var results = rows.Select(r => (Row: r, Answer: knowledge.Find(r.Question, r.Locale, problemId: null))).ToList();
        var figures = new Figures(results);
        foreach (var (row, answer) in Misses(results))
        {
            output.WriteLine($"{row.Locale}\t{row.Expected}\t→ {answer?.ArticleId ?? "(none)"} {answer?.Confidence:0.00}\t{row.Question}");
        }

        output.WriteLine(figures.Table());
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            WriteDoc(name, figures, results);
        }

        Assert.True(rows.Count >= 60, $"the corpus has {rows.Count} questions");
        Assert.True(figures.CorrectRate >= minCorrect, $"right article for {figures.CorrectRate:P1} of answerable questions");
        Assert.True(figures.Precision >= minPrecision, $"{figures.Precision:P1} of the answers given were the right article");
        Assert.True(figures.WronglyAnswered <= maxWronglyAnswered, $"{figures.WronglyAnswered} questions no article answers got an answer");
    }

    private static IEnumerable<(Row Row, KnowledgeAnswer? Answer)> Misses(List<(Row Row, KnowledgeAnswer? Answer)> results) =>
        results.Where(r => r.Answer?.ArticleId != r.Row.Expected && !(r.Answer is null && r.Row.Expected == NoArticle));

    private static List<Row> Rows(string file)
    {
        var path = Path.Combine(RepoPaths.Root, "docs", file);
        return
        [
            .. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
                .Select(f => new Row(f[0], f[1], f[2])),
        ];
    }

    private static void WriteDoc(string name, Figures figures, List<(Row Row, KnowledgeAnswer? Answer)> results)
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "knowledge.md");
        var doc = File.ReadAllText(path);
        var start = $"<!-- figures {name} -->";
        var end = $"<!-- /figures {name} -->";
        var sb = new StringBuilder(start).AppendLine().AppendLine();
        sb.AppendLine(figures.Table()).AppendLine();
        sb.AppendLine("Questions not answered with the expected article (expected → given, confidence):").AppendLine();
        foreach (var (row, answer) in Misses(results))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"- {row.Locale} `{row.Expected}` → `{answer?.ArticleId ?? "none"}`{(answer is null ? "" : $" ({answer.Confidence:0.00})")}: {row.Question}");
        }

        sb.AppendLine().Append(end);
        var from = doc.IndexOf(start, StringComparison.Ordinal);
        var to = doc.IndexOf(end, StringComparison.Ordinal) + end.Length;
        File.WriteAllText(path, doc[..from] + sb + doc[to..]);
    }

    private sealed record Row(string Locale, string Expected, string Question);

    private sealed class Figures
    {
        private readonly List<(Row Row, KnowledgeAnswer? Answer)> _results;

        public Figures(List<(Row Row, KnowledgeAnswer? Answer)> results)
        {
            _results = results;
        }

        private IEnumerable<(Row Row, KnowledgeAnswer? Answer)> Answerable(string? locale = null) =>
            _results.Where(r => r.Row.Expected != NoArticle && (locale is null || r.Row.Locale == locale));

        public double CorrectRate => Correct() / (double)Answerable().Count();

        public double Precision => Correct() / (double)Answerable().Count(r => r.Answer is not null);

        public int WronglyAnswered => _results.Count(r => r.Row.Expected == NoArticle && r.Answer is not null);

        private int Correct(string? locale = null) => Answerable(locale).Count(r => r.Answer?.ArticleId == r.Row.Expected);

        private int Answered(string? locale = null) => Answerable(locale).Count(r => r.Answer is not null);

        public string Table()
        {
            var sb = new StringBuilder();
            sb.AppendLine("| figure | all | English | Chinese |");
            sb.AppendLine("| --- | ---: | ---: | ---: |");
            string[] locales = [Locales.Supported.English, Locales.Supported.Chinese];
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| questions an article answers | {Answerable().Count()} | {Answerable(locales[0]).Count()} | {Answerable(locales[1]).Count()} |");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| answered (answer rate) | {Rate(Answered(), Answerable().Count())} | {Rate(Answered(locales[0]), Answerable(locales[0]).Count())} | {Rate(Answered(locales[1]), Answerable(locales[1]).Count())} |");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| right article (correct-article rate) | {Rate(Correct(), Answerable().Count())} | {Rate(Correct(locales[0]), Answerable(locales[0]).Count())} | {Rate(Correct(locales[1]), Answerable(locales[1]).Count())} |");
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| right article among answers given | {Rate(Correct(), Answered())} | {Rate(Correct(locales[0]), Answered(locales[0]))} | {Rate(Correct(locales[1]), Answered(locales[1]))} |");
            var none = _results.Where(r => r.Row.Expected == NoArticle).ToList();
            sb.Append(CultureInfo.InvariantCulture,
                $"| questions no article answers that got an answer anyway | {WronglyAnswered} of {none.Count} | {none.Count(r => r.Row.Locale == locales[0] && r.Answer is not null)} of {none.Count(r => r.Row.Locale == locales[0])} | {none.Count(r => r.Row.Locale == locales[1] && r.Answer is not null)} of {none.Count(r => r.Row.Locale == locales[1])} |");
            return sb.ToString();
        }

        private static string Rate(int part, int whole) =>
            whole == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{part} ({100.0 * part / whole:0.0} %)");
    }
}
