using SupportBot.Core.Safety;

namespace SupportBot.AI;

/// <summary>Decides whether a model's text may be shown to anyone. The model is untrusted: its text must be short
/// plain prose, pass the outbound guard (it may never ask for a seed phrase, key, password or code) and hold no
/// secret the scanner finds. Anything else is dropped, never repaired.</summary>
internal sealed class ModelOutputCheck(IOutboundGuard outboundGuard, ISecretScanner secretScanner)
{
    private const int MaxCharacters = 600;
    private const int MaxSentences = 3;

    /// <summary>The text to keep, or null with <paramref name="reason"/> saying why it was dropped.</summary>
    public string? Check(string? text, out string reason)
    {
        var trimmed = (text ?? string.Empty).Trim().Trim('"', '\u201C', '\u201D').Trim();
        if (trimmed.Length == 0)
        {
            reason = "empty";
            return null;
        }

        // A structured or code answer means the model did not do what was asked (or was talked into something else).
        if (trimmed[0] is '{' or '[' or '<' || trimmed.StartsWith("```", StringComparison.Ordinal)
            || trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            reason = "not plain text";
            return null;
        }

        if (trimmed.Length > MaxCharacters || SentenceCount(trimmed) > MaxSentences)
        {
            reason = "longer than " + MaxSentences + " sentences";
            return null;
        }

        var verdict = outboundGuard.Check(trimmed);
        if (!verdict.Allowed)
        {
            reason = "the outbound guard blocked it (" + verdict.AskedFor + ")";
            return null;
        }

        if (secretScanner.Scan(trimmed, ScanContext.None).HasSecrets)
        {
            reason = "the secret scanner found a secret in it";
            return null;
        }

        reason = string.Empty;
        return trimmed;
    }

    // Ends of sentences in both languages: 。！？ always, . ! ? when followed by a space or the end (so "v1.2" and
    // "0.5 BTC" are no ends).
    private static int SentenceCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '。' or '！' or '？'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                count++;
                while (i + 1 < text.Length && text[i + 1] is '.' or '!' or '?' or '。' or '！' or '？')
                {
                    i++;
                }
            }
        }

        return text[^1] is '.' or '!' or '?' or '。' or '！' or '？' ? count : count + 1;
    }
}
