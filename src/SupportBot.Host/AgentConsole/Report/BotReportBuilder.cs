using System.Globalization;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.AgentConsole.Report;

/// <summary>Computes <see cref="BotReport"/> from stored data only: the redacted transcript and the tickets. The
/// bot's own lines tell what happened, matched against the dialogs' texts in both languages: a problem's self-help
/// or detail prompt names the problem and the step, <c>selfHelp.solved</c> marks self-help that worked,
/// <c>identify.notUnderstood</c> marks the user line before it as not understood, and the
/// <c>safety.removed.*</c> placeholders in user lines count the secrets caught. No secret text is read: the store
/// never had any.</summary>
internal sealed class BotReportBuilder
{
    // A placeholder-free head of a text this long is enough to recognize it inside a stored line.
    private const int MinMarkerLength = 6;

    private readonly DialogCatalog _catalog;
    private readonly List<(string Fragment, string? Problem, string Step)> _steps = [];
    private readonly List<string> _solved;
    private readonly List<string> _notUnderstood;
    private readonly List<string> _confirm;
    private readonly List<(SecretKind Kind, string Placeholder)> _secrets = [];

    public BotReportBuilder(DialogCatalog catalog)
    {
        _catalog = catalog;
        foreach (var problem in catalog.Problems)
        {
            if (problem.SelfHelp is { } selfHelp)
            {
                AddSteps(selfHelp, problem.Id, "selfHelp");
            }

            foreach (var detail in problem.Details)
            {
                if (detail.Prompt is { } prompt)
                {
                    AddSteps(prompt, problem.Id, detail.Id);
                }
            }
        }

        _solved = Fragments(TextKeys.SelfHelpSolved);
        _notUnderstood = Fragments(TextKeys.NotUnderstood);
        _confirm = Fragments(TextKeys.ConfirmPrompt);
        foreach (var kind in Enum.GetValues<SecretKind>())
        {
            if (catalog.Texts.TryGetValue(TextKeys.Removed(kind), out var removed))
            {
                foreach (var locale in Locales.All)
                {
                    _secrets.Add((kind, removed.Get(locale)));
                }
            }
        }
    }

    public BotReport Build(
        IReadOnlyList<ReportLine> lines, IReadOnlyList<Ticket> tickets, DateTimeOffset since, DateTimeOffset until,
        DateTimeOffset now, TimeSpan idleTimeout, TimeZoneInfo zone, string lang, bool truncated)
    {
        var ticketsByConversation = tickets.GroupBy(t => t.Conversation).ToDictionary(g => g.Key, g => g.Last());
        var byDay = new Dictionary<(string Day, string Channel), int>();
        var outcomes = new Dictionary<string, int[]>(StringComparer.Ordinal); // selfHelp, ticket, abandoned
        var dropOffs = new Dictionary<(string Problem, string Step), int>();
        var unrecognized = new Dictionary<string, (string Text, int Count, ConversationKey First)>(StringComparer.Ordinal);
        var secrets = new Dictionary<SecretKind, int>();

        foreach (var conversation in lines.GroupBy(l => l.Conversation))
        {
            string? problem = null;
            string? step = null;
            var solved = false;
            string? lastUser = null;
            var firstUser = conversation.FirstOrDefault(l => l.Direction == TranscriptDirection.User);
            if (firstUser is not null)
            {
                var day = TimeZoneInfo.ConvertTime(firstUser.At, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                byDay[(day, conversation.Key.Channel)] = byDay.GetValueOrDefault((day, conversation.Key.Channel)) + 1;
            }

            foreach (var line in conversation)
            {
                if (line.Direction == TranscriptDirection.User)
                {
                    lastUser = line.Text;
                    foreach (var (kind, placeholder) in _secrets)
                    {
                        var count = Occurrences(line.Text, placeholder);
                        if (count > 0)
                        {
                            secrets[kind] = secrets.GetValueOrDefault(kind) + count;
                        }
                    }

                    continue;
                }

                if (line.Direction != TranscriptDirection.Bot)
                {
                    continue;
                }

                if (lastUser is not null && _notUnderstood.Any(f => line.Text.Contains(f, StringComparison.Ordinal)))
                {
                    var key = Normalize(lastUser);
                    unrecognized[key] = unrecognized.TryGetValue(key, out var seen)
                        ? (seen.Text, seen.Count + 1, seen.First)
                        : (lastUser.Trim(), 1, conversation.Key);
                }

                if (_solved.Any(f => line.Text.Contains(f, StringComparison.Ordinal)))
                {
                    solved = problem is not null;
                    continue;
                }

                // A prompt several problems share belongs to the problem under way.
                var current = problem;
                var match = _steps.FirstOrDefault(x => x.Problem == current && line.Text.Contains(x.Fragment, StringComparison.Ordinal));
                if (match.Fragment is null)
                {
                    match = _steps.FirstOrDefault(x => line.Text.Contains(x.Fragment, StringComparison.Ordinal));
                }

                if (match.Fragment is not null)
                {
                    (problem, step, solved) = (match.Problem, match.Step, false);
                }

                if (problem is not null && _confirm.Any(f => line.Text.Contains(f, StringComparison.Ordinal)))
                {
                    step = "confirm";
                }
            }

            int? outcome = null;
            if (ticketsByConversation.TryGetValue(conversation.Key, out var ticket))
            {
                (problem, outcome) = (ticket.Category, 1);
            }
            else if (solved)
            {
                outcome = 0;
            }
            else if (problem is not null && now - conversation.Last().At > idleTimeout)
            {
                outcome = 2;
                dropOffs[(problem, step ?? "?")] = dropOffs.GetValueOrDefault((problem, step ?? "?")) + 1;
            }

            if (outcome is { } o && problem is not null)
            {
                if (!outcomes.TryGetValue(problem, out var counts))
                {
                    outcomes[problem] = counts = new int[3];
                }

                counts[o]++;
            }
        }

        return new BotReport(
            Day(since, zone),
            Day(until.AddTicks(-1), zone),
            zone.Id,
            [.. byDay.OrderBy(d => d.Key.Day, StringComparer.Ordinal).ThenBy(d => d.Key.Channel, StringComparer.Ordinal)
                .Select(d => new ReportDayCount(d.Key.Day, d.Key.Channel, d.Value))],
            [.. outcomes.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => new ReportOutcome(o.Key, ProblemTitle(o.Key, lang), o.Value[0], o.Value[1], o.Value[2]))],
            [.. dropOffs.OrderBy(d => d.Key.Problem, StringComparer.Ordinal).ThenByDescending(d => d.Value)
                .Select(d => new ReportDropOff(d.Key.Problem, d.Key.Step, StepTitle(d.Key.Problem, d.Key.Step, lang), d.Value))],
            [.. unrecognized.Values.OrderByDescending(u => u.Count).ThenBy(u => u.Text, StringComparer.Ordinal).Take(100)
                .Select(u => new ReportUnrecognized(u.Text, u.Count, u.First.Channel, u.First.Id))],
            [.. secrets.OrderByDescending(s => s.Value).Select(s => new ReportCount(AgentJsonName(s.Key), s.Value))],
            [.. Enum.GetValues<TicketPriority>().Select(p => Times(p, tickets.Where(t => t.Priority == p).ToList()))],
            [.. Csat(tickets, t => t.AssigneeName)],
            [.. Csat(tickets, t => t.Category)],
            truncated);
    }

    /// <summary>The <paramref name="percent"/>th percentile (nearest rank), rounded to a tenth; null for none.</summary>
    internal static double? Percentile(IReadOnlyList<double> values, int percent)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 1);
    }

    private static ReportTimes Times(TicketPriority priority, List<Ticket> tickets)
    {
        var first = tickets.Where(t => t.FirstResponseAt is not null).Select(t => (t.FirstResponseAt!.Value - t.CreatedAt).TotalMinutes).ToList();
        var resolved = tickets.Where(t => t.ResolvedAt is not null).Select(t => (t.ResolvedAt!.Value - t.CreatedAt).TotalMinutes).ToList();
        return new ReportTimes(
            AgentJson.Priority(priority), tickets.Count, Percentile(first, 50), Percentile(first, 90), Percentile(resolved, 50), Percentile(resolved, 90));
    }

    private static IEnumerable<ReportCsat> Csat(IReadOnlyList<Ticket> tickets, Func<Ticket, string?> by) =>
        tickets.Where(t => t.Rating is not null && by(t) is not null)
            .GroupBy(t => by(t)!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportCsat(g.Key, Math.Round(g.Average(t => t.Rating!.Value), 2), g.Count()));

    private static string AgentJsonName(SecretKind kind) => TextKeys.Removed(kind)["safety.removed.".Length..];

    private static string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Normalize(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private string ProblemTitle(string problem, string lang) => _catalog.FindProblem(problem)?.Title.Get(lang) ?? problem;

    private string StepTitle(string problem, string step, string lang) =>
        _catalog.FindProblem(problem)?.Details.FirstOrDefault(d => d.Id == step)?.Title.Get(lang)
        ?? (_catalog.Texts.TryGetValue("console.ui.report.step." + step, out var text) ? text.Get(lang) : step);

    private void AddSteps(LocalizedText text, string problem, string step)
    {
        foreach (var locale in Locales.All)
        {
            if (Fragment(text.Get(locale)) is { } fragment)
            {
                _steps.Add((fragment, problem, step));
            }
        }
    }

    private List<string> Fragments(string key) =>
        [.. Locales.All.Select(l => Fragment(_catalog.Text(key).Get(l))).OfType<string>()];

    private static string? Fragment(string text)
    {
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        var head = (brace >= 0 ? text[..brace] : text).Trim();
        var newline = head.IndexOf('\n', StringComparison.Ordinal);
        head = (newline >= 0 ? head[..newline] : head).Trim();
        return head.Length >= MinMarkerLength ? head : null;
    }
}
