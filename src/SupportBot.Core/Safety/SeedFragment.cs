namespace SupportBot.Core.Safety;

/// <summary>The wordlist words of one message that could be part of a seed phrase sent in pieces, with their
/// positions (to redact) and their list indices (to count and check the phrase they complete).</summary>
/// <param name="Spans">Where the words are, as seed-phrase findings in the original text.</param>
/// <param name="Words">How many words they are.</param>
internal sealed record SeedFragment(IReadOnlyList<SecretFinding> Spans, int Words)
{
    /// <summary>The English list indices, in order (-1 for a Chinese word).</summary>
    public List<int> English { get; } = [];

    /// <summary>The Simplified Chinese list indices, in order (-1 for an English word).</summary>
    public List<int> Simplified { get; } = [];

    /// <summary>The Traditional Chinese list indices, in order.</summary>
    public List<int> Traditional { get; } = [];
}
