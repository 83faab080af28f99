using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

/// <summary>One corpus message: the text, the conversation context, and for a positive the secret it holds (which
/// must be found, with its kind, and must not survive redaction).</summary>
internal sealed record CorpusCase(string Text, ScanContext Context, SecretKind? Kind = null, string? Secret = null)
{
    public static CorpusCase Positive(string text, SecretKind kind, string secret, ScanContext? context = null) =>
        new(text, context ?? ScanContext.None, kind, secret);

    public static CorpusCase Negative(string text, ScanContext? context = null) => new(text, context ?? ScanContext.None);
}
