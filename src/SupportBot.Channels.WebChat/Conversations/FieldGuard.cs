using SupportBot.Core.Safety;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>The safety guard for what an activity carries besides the text the router scans: a page's display text,
/// an event's name, a client activity id, an upload's file name and a text file's content. Every kept string is
/// scanned with the strictest context (a lone short number counts as a code) before it may be stored or echoed.</summary>
public sealed class FieldGuard
{
    private static readonly ScanContext Strict = new(ExpectingTransactionId: false, CodeRecentlyMentioned: true);
    private readonly SafetyGuard _guard;

    /// <summary>Creates the field guard over the bot's <see cref="SafetyGuard"/>.</summary>
    public FieldGuard(SafetyGuard guard) => _guard = guard;

    /// <summary>Free text as it may be kept: secrets replaced by labels in <paramref name="locale"/>.</summary>
    public string Redact(string text, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : _guard.Inspect(text, Strict, locale).RedactedText;
    }

    /// <summary>The guard's verdict on free text (its warnings are for the user, in <paramref name="locale"/>).</summary>
    public GuardResult Inspect(string text, string locale) => _guard.Inspect(text, Strict, locale);

    /// <summary>Whether an identifier-like string (a name, an id, a file name) holds no secret: scanned as it is and
    /// with its separators (<c>_ - . +</c>) read as spaces, so <c>wif_5Jn….png</c> is seen as words.</summary>
    public bool IsClean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return true;
        }

        if (_guard.Inspect(value, Strict, "en").Scan.HasSecrets)
        {
            return false;
        }

        var spaced = string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '_' or '-' or '.' or '+' or '~' ? ' ' : source[i];
            }
        });
        return spaced == value || !_guard.Inspect(spaced, Strict, "en").Scan.HasSecrets;
    }
}
