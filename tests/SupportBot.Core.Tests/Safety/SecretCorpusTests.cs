using System.Globalization;
using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

public class SecretCorpusTests
{
    private static readonly SecretScanner Scanner = new();

    private static List<CorpusCase> Positives() =>
        [.. SeedPhraseCorpus.Build(), .. KeyCorpus.Build(), .. CodeAndPasswordCorpus.Build()];

    [Fact]
    public void The_corpus_is_large_enough_to_measure()
    {
        Assert.True(Positives().Count >= 300, $"only {Positives().Count} positives");
        Assert.True(NegativeCorpus.Build().Count() >= 300, $"only {NegativeCorpus.Build().Count()} negatives");
    }

    [Fact]
    public void Every_positive_is_found_with_its_kind_and_the_negatives_stay_under_one_percent()
    {
        var output = TestContext.Current.TestOutputHelper;
        var positives = Positives();
        var missed = new List<string>();
        foreach (var c in positives)
        {
            var result = Scanner.Scan(c.Text, c.Context);
            var start = c.Text.IndexOf(c.Secret!, StringComparison.Ordinal);
            var covered = result.Findings.Any(f =>
                f.Kind == c.Kind && f.Start <= start && f.Start + f.Length >= start + c.Secret!.Length);
            if (!covered)
            {
                missed.Add($"{c.Kind}: {c.Text.ReplaceLineEndings("⏎")} → "
                    + string.Join(", ", result.Findings.Select(f => $"{f.Kind}@{f.Start}+{f.Length}")));
            }
        }

        var negatives = NegativeCorpus.Build().ToList();
        var falsePositives = negatives
            .Where(c => Scanner.Scan(c.Text, c.Context).HasSecrets)
            .Select(c => c.Text.ReplaceLineEndings("⏎"))
            .ToList();
        var caught = positives.Count - missed.Count;
        var rate = (double)falsePositives.Count / negatives.Count;
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"positives caught: {caught}/{positives.Count}; false positives: {falsePositives.Count}/{negatives.Count} ({rate:P2})"));
        foreach (var line in missed.Concat(falsePositives.Select(f => "false positive: " + f)))
        {
            output?.WriteLine(line);
        }

        Assert.Empty(missed);
        Assert.True(rate < 0.01, $"false-positive rate {rate:P2}: {string.Join(" | ", falsePositives)}");
    }

    [Fact]
    public void Redaction_removes_every_positive_secret()
    {
        foreach (var c in Positives())
        {
            var result = Scanner.Scan(c.Text, c.Context);
            var redacted = Redactor.Redact(c.Text, result.Findings, kind => $"[{kind}]");
            Assert.DoesNotContain(c.Secret!, redacted, StringComparison.Ordinal);
            Assert.Contains($"[{c.Kind}]", redacted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Findings_are_sorted_and_do_not_overlap()
    {
        var text = string.Join("\n", Positives().Select(c => c.Text));
        var findings = Scanner.Scan(text, ScanContext.None).Findings;
        Assert.NotEmpty(findings);
        for (var i = 1; i < findings.Count; i++)
        {
            Assert.True(findings[i - 1].Start + findings[i - 1].Length <= findings[i].Start);
        }
    }
}
