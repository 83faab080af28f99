using System.Globalization;
using System.Text;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Corpus;

/// <summary>The conversation corpus through the real dialogs: routing accuracy (directly or by the clarifying
/// question), details asked again although given, turns from the first message to a ticket. With UPDATE_DOCS=1 the
/// figures are written to docs/conversation-corpus.md; otherwise the test only asserts the targets.</summary>
public class ConversationCorpusTests
{
    private const double AccuracyTarget = 0.97;
    private const double DepositMedianTarget = 7;

    [Fact]
    public void CorpusIsLargeAndBilingual()
    {
        var first = CorpusFile.FirstMessages();
        var conversations = CorpusFile.Conversations();
        Assert.True(first.Count >= 150, $"{first.Count} first messages");
        var chinese = first.Count(c => c.IsChinese);
        Assert.InRange(chinese, first.Count * 2 / 5, first.Count * 3 / 5);
        Assert.True(conversations.Count >= 30, $"{conversations.Count} conversations");
        Assert.All(conversations, c => Assert.True(c.Turns.Count >= 2, c.Name + " has one message"));
    }

    [Fact]
    public async Task CorpusMeetsTheTargets()
    {
        var first = new List<CorpusResult>();
        foreach (var c in CorpusFile.FirstMessages())
        {
            first.Add(await CorpusRunner.RunAsync(c));
        }

        var conversations = new List<CorpusResult>();
        foreach (var c in CorpusFile.Conversations())
        {
            conversations.Add(await CorpusRunner.RunAsync(c));
        }

        var all = first.Concat(conversations).ToList();
        var figures = Figures.Of(first, conversations);
        var report = Report(figures, all);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(Path.Combine(RepoPaths.Root, "docs", "conversation-corpus.md"), report);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(figures.Accuracy >= AccuracyTarget, report);
        Assert.True(figures.AskedAgain == 0, report);
        Assert.True(figures.DepositMedian <= DepositMedianTarget, report);
        Assert.True(figures.FailedChecks == 0, report);
    }

    private sealed record Figures(
        int FirstCount, int ConversationCount, double Accuracy, double FirstAccuracy, int AskedAgain,
        int CasesAskedAgain, double DepositMedian, int DepositCount, double AllMedian, int FailedChecks)
    {
        public static Figures Of(List<CorpusResult> first, List<CorpusResult> conversations)
        {
            var all = first.Concat(conversations).ToList();
            var deposit = all.Where(r => r.Case.Problem == "deposit" && r.TurnsToTicket is not null)
                .Select(r => (double)r.TurnsToTicket!.Value).ToList();
            var tickets = all.Where(r => r.Case.Problem != "human" && r.TurnsToTicket is not null)
                .Select(r => (double)r.TurnsToTicket!.Value).ToList();
            var depositCases = all.Count(r => r.Case.Problem == "deposit");
            return new Figures(
                first.Count,
                conversations.Count,
                (double)all.Count(r => r.RoutedRight) / all.Count,
                (double)first.Count(r => r.RoutedRight) / first.Count,
                all.Sum(r => r.AskedAgain.Count),
                all.Count(r => r.AskedAgain.Count > 0),
                // A deposit case that never reached a ticket counts as endless.
                Median([.. deposit, .. Enumerable.Repeat(double.PositiveInfinity, depositCases - deposit.Count)]),
                depositCases,
                Median(tickets),
                all.Sum(r => r.FailedChecks.Count));
        }

        private static double Median(List<double> values)
        {
            if (values.Count == 0)
            {
                return double.PositiveInfinity;
            }

            values.Sort();
            var mid = values.Count / 2;
            return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }
    }

    private static string Report(Figures f, List<CorpusResult> all)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Conversation corpus: figures");
        sb.AppendLine();
        sb.AppendLine("Written by `UPDATE_DOCS=1 dotnet test tests/SupportBot.Core.Tests --filter ConversationCorpusTests`");
        sb.AppendLine("(tests/SupportBot.Core.Tests/Corpus: first-messages.txt, conversations.txt). Each case runs through the");
        sb.AppendLine("whole bot in memory over the shipped dialogs; after the scripted messages a cooperative user answers what is");
        sb.AppendLine("still asked (\"still need help\", a valid sample per detail, confirm) until a ticket exists.");
        sb.AppendLine();
        sb.AppendLine("The last column is the same corpus on main before the engine changes (commit 56b7e68), for comparison.");
        sb.AppendLine();
        sb.AppendLine("| figure | value | target | before |");
        sb.AppendLine("| --- | --- | --- | --- |");
        sb.AppendLine(c, $"| first messages / scripted conversations | {f.FirstCount} / {f.ConversationCount} | ≥150 / ≥30 | 171 / 32 |");
        sb.AppendLine(c, $"| routed right (directly or by the clarifying question), all cases | {f.Accuracy:P1} | ≥97 % | 77.3 % |");
        sb.AppendLine(c, $"| routed right, first messages only | {f.FirstAccuracy:P1} | | 77.8 % |");
        sb.AppendLine(c, $"| details asked again although given (cases) | {f.AskedAgain} ({f.CasesAskedAgain}) | 0 | 127 (51) |");
        sb.AppendLine(c, $"| median user turns to a ticket, deposit ({f.DepositCount} cases) | {f.DepositMedian:0.#} | ≤7 | 11 |");
        sb.AppendLine(c, $"| median user turns to a ticket, all problems | {f.AllMedian:0.#} | | 9.5 |");
        sb.AppendLine(c, $"| failed checks in scripted conversations | {f.FailedChecks} | 0 | 19 |");
        sb.AppendLine();
        var misses = all.Where(r => !r.RoutedRight || r.AskedAgain.Count > 0 || r.FailedChecks.Count > 0).ToList();
        if (misses.Count > 0)
        {
            sb.AppendLine("## Cases that missed");
            sb.AppendLine();
            foreach (var r in misses)
            {
                sb.Append(c, $"- {r.Case.Name} expected {r.Case.Problem}, got {r.Routed}");
                if (r.AskedAgain.Count > 0)
                {
                    sb.Append(c, $"; asked again: {string.Join(", ", r.AskedAgain)}");
                }

                foreach (var check in r.FailedChecks)
                {
                    sb.Append(c, $"; failed: {check.ReplaceLineEndings(" ")}");
                }

                sb.AppendLine(c, $": \"{r.Case.Turns[0].Text}\"");
            }
        }

        return sb.ToString();
    }
}
