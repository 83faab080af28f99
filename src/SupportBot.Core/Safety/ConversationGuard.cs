using SupportBot.Core.Catalog;

namespace SupportBot.Core.Safety;

/// <summary>The safety guard with a short memory of the conversation: besides the secrets of one message
/// (<see cref="SafetyGuard"/>), it holds back wordlist words that could be part of a seed phrase sent in pieces
/// (<see cref="SeedFragmentFinder"/>) and fires the full alarm when the pieces add up to a phrase, naming the earlier
/// messages so the channel can delete them too. The memory is in this process only (<see cref="SeedFragmentTracker"/>).</summary>
public sealed class ConversationGuard
{
    private readonly SafetyGuard _guard;
    private readonly DialogCatalog _catalog;
    private readonly SeedFragmentTracker _tracker;

    /// <summary>Creates the guard over <paramref name="guard"/>; pieces expire on <paramref name="time"/> after
    /// <paramref name="window"/> (10 minutes by default), and at most <paramref name="maxConversations"/> are
    /// remembered.</summary>
    public ConversationGuard(
        SafetyGuard guard, DialogCatalog catalog, TimeProvider time, TimeSpan? window = null, int maxConversations = 10_000)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        _guard = guard;
        _catalog = catalog;
        _tracker = new SeedFragmentTracker(time, window, maxConversations);
        foreach (var (_, words) in catalog.Commands)
        {
            foreach (var word in words)
            {
                _commandWords.Add(Engine.TextMatching.NormalizeCommand(word));
            }
        }
    }

    // The bot's own command words ("menu", "cancel", "human" …) are wordlist words too; typed alone they are the
    // command, never part of a phrase.
    private readonly HashSet<string> _commandWords = new(StringComparer.Ordinal);

    /// <summary>Conversations remembered now.</summary>
    public int TrackedConversations => _tracker.Count;

    /// <summary>Inspects one message of <paramref name="conversation"/> (any stable key) with channel message id
    /// <paramref name="messageId"/>.</summary>
    public GuardResult Inspect(string conversation, string? messageId, string text, ScanContext context, string locale)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var result = _guard.Inspect(text, context, locale);
        if (result.Scan.Findings.Any(f => f.Kind == SecretKind.SeedPhrase))
        {
            // A whole phrase in one message: any pieces sent before it were probably part of it.
            return result with { EarlierMessageIds = [.. _tracker.Take(conversation).Where(id => id != messageId)] };
        }

        if (_commandWords.Contains(Engine.TextMatching.NormalizeCommand(text)))
        {
            return result;
        }

        var fragment = SeedFragmentFinder.Find(text, _tracker.IsActive(conversation), result.Scan.Findings);
        if (fragment is null)
        {
            if (SeedFragmentFinder.HasSeedCue(text))
            {
                _tracker.NoteCue(conversation);
            }
            else if (SeedFragmentFinder.Find(text, active: true, result.Scan.Findings) is { Words: <= 2 } possible)
            {
                _tracker.NotePossible(conversation, messageId, possible);
            }

            return result;
        }

        var chain = _tracker.Add(conversation, messageId, fragment);
        var alarm = chain.Completes;
        var findings = result.Scan.Findings.Concat(fragment.Spans).OrderBy(f => f.Start).ToList();
        var held = fragment.Spans.ToHashSet();
        var redacted = Redact(text, findings, f => held.Contains(f) && !alarm
            ? _catalog.Text(TextKeys.SeedWordsRemoved).Get(locale)
            : _guard.Label(f.Kind, locale));
        var warnings = new List<string>(result.Warnings);
        if (alarm)
        {
            warnings.Insert(0, _catalog.Text(TextKeys.Warning(SecretKind.SeedPhrase)).Get(locale));
            var advice = _catalog.Text(TextKeys.CompromisedAdvice).Get(locale);
            if (!warnings.Contains(advice))
            {
                warnings.Add(advice);
            }
        }
        else if (chain.FirstPiece)
        {
            warnings.Add(_catalog.Text(TextKeys.SeedWordsHeld).Get(locale));
        }

        return new GuardResult(
            redacted,
            new ScanResult(findings, result.Scan.MentionsCode),
            warnings,
            result.WalletCompromised || alarm)
        {
            HeldSeedWords = true,
            EarlierMessageIds = alarm ? [.. chain.MessageIds.Where(id => id != messageId)] : [],
        };
    }

    /// <summary>Replaces non-overlapping, sorted <paramref name="findings"/> with their labels.</summary>
    private static string Redact(string text, List<SecretFinding> findings, Func<SecretFinding, string> label)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings)
        {
            if (finding.Start < position)
            {
                continue;
            }

            builder.Append(text, position, finding.Start - position).Append(label(finding));
            position = finding.Start + finding.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
