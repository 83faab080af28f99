using System.Text;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.AI;

/// <summary>The one way a ticket's words reach a prompt: its problem, details and the last lines of its stored
/// (already redacted) transcript, each scanned and redacted once more on the way out, so even a line stored before a
/// detector existed cannot reach the model with a secret in it. The user's words are fenced between <c>&lt;&lt;&lt;</c>
/// and <c>&gt;&gt;&gt;</c> and labelled as data. Every prompt (summary, suggested reply) is built from this.</summary>
internal sealed class RedactedTicketText(ISecretScanner secretScanner)
{
    /// <summary>What replaces a secret in the prompt.</summary>
    public const string Removed = "[removed]";

    private const int MaxLines = 40;
    private const int MaxLineCharacters = 400;

    /// <summary>Appends the ticket's header, details and fenced conversation to <paramref name="prompt"/>.</summary>
    public void Append(StringBuilder prompt, Ticket ticket, IReadOnlyList<TranscriptLine> transcript)
    {
        prompt.Append("Ticket #").Append(ticket.Number).Append(", problem: ").Append(Clean(ticket.Category))
            .Append(", user's language: ").Append(ticket.Locale)
            .Append(ticket.SecretExposed ? ", the user exposed a secret (removed)" : string.Empty).Append('\n')
            .Append("Details:\n");
        foreach (var detail in ticket.Details)
        {
            prompt.Append("- ").Append(detail.Id).Append(": ").Append(Clean(detail.Display)).Append('\n');
        }

        prompt.Append("Conversation (between <<< and >>>):\n<<<\n");
        foreach (var line in transcript.Where(l => l.Direction != TranscriptDirection.System).TakeLast(MaxLines))
        {
            var who = line.Direction switch
            {
                TranscriptDirection.User => "User",
                TranscriptDirection.Agent => "Agent",
                _ => "Bot",
            };
            prompt.Append(who).Append(": ").Append(Clean(line.Text)).Append('\n');
        }

        prompt.Append(">>>");
    }

    /// <summary><paramref name="text"/> on one line, fence marks defused, secrets replaced by
    /// <see cref="Removed"/>, cut to a prompt line's length.</summary>
    public string Clean(string text)
    {
        var flat = text.Replace('\n', ' ').Replace('\r', ' ').Replace("<<<", "‹‹‹", StringComparison.Ordinal)
            .Replace(">>>", "›››", StringComparison.Ordinal);
        // Scanned whole before it is cut, so a cut cannot split a secret into halves the scanner misses.
        var scan = secretScanner.Scan(flat, ScanContext.None);
        var redacted = scan.HasSecrets ? Redactor.Redact(flat, scan.Findings, _ => Removed) : flat;
        return redacted.Length > MaxLineCharacters ? redacted[..MaxLineCharacters] + "…" : redacted;
    }
}
