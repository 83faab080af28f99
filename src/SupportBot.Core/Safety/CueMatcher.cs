namespace SupportBot.Core.Safety;

/// <summary>Finds every cue of a fixed set in one pass. Cues are bucketed by their first character, so each position
/// costs one array read and, rarely, a few short comparisons: linear in the text, no regular expressions.</summary>
internal sealed class CueMatcher
{
    private readonly (string Text, CueKind Kinds)[]?[] _buckets = new (string, CueKind)[]?[char.MaxValue + 1];

    /// <summary>Creates a matcher; cue texts are lower case, ASCII letters match in any case.</summary>
    public CueMatcher(IEnumerable<(string Text, CueKind Kinds)> cues)
    {
        foreach (var group in cues.GroupBy(c => c.Text[0]))
        {
            // Longest first, so that a caller reading hits in order sees "verification code" before "code:".
            _buckets[group.Key] = [.. group.OrderByDescending(c => c.Text.Length)];
        }

        MaxLength = cues.Max(c => c.Text.Length);
    }

    /// <summary>The longest cue.</summary>
    public int MaxLength { get; }

    /// <summary>All cue occurrences, in order of start.</summary>
    public List<CueHit> Match(string text)
    {
        var hits = new List<CueHit>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = TextChars.LowerAscii(text[i]);
            var bucket = _buckets[c];
            if (bucket is null)
            {
                continue;
            }

            // ASCII words only count at a word boundary ("tx" is not in "context").
            if (TextChars.IsAsciiLetterOrDigit(c) && i > 0 && TextChars.IsAsciiLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            // Most cues fail on their second character; test it inline before the full comparison.
            var second = i + 1 < text.Length ? TextChars.LowerAscii(text[i + 1]) : '\0';
            foreach (var (cue, kinds) in bucket)
            {
                if (cue.Length > 1 && cue[1] != second)
                {
                    continue;
                }

                if (Matches(text, i, cue))
                {
                    hits.Add(new CueHit(i, i + cue.Length, kinds));
                }
            }
        }

        return hits;
    }

    private static bool Matches(string text, int at, string cue)
    {
        if (at + cue.Length > text.Length)
        {
            return false;
        }

        for (var k = 1; k < cue.Length; k++)
        {
            if (TextChars.LowerAscii(text[at + k]) != cue[k])
            {
                return false;
            }
        }

        var end = at + cue.Length;
        return !TextChars.IsAsciiLetterOrDigit(cue[^1]) || end == text.Length
            || !TextChars.IsAsciiLetterOrDigit(text[end]);
    }
}
