namespace SupportBot.Core.Safety;

/// <summary>The cues found in one text, with the position queries the detectors ask.</summary>
internal sealed class CueIndex
{
    private readonly List<CueHit> _hits;
    private readonly int _maxLength;

    /// <summary>Matches the shared cues in <paramref name="text"/>.</summary>
    public CueIndex(string text)
    {
        _hits = SafetyCues.Matcher.Match(text);
        _maxLength = SafetyCues.Matcher.MaxLength;
    }

    /// <summary>Every hit, in order of start.</summary>
    public ReadOnlySpan<CueHit> Hits => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_hits);

    /// <summary>Whether any cue has one of <paramref name="kinds"/>.</summary>
    public bool Any(CueKind kinds)
    {
        foreach (var hit in _hits)
        {
            if (hit.Is(kinds))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a cue of <paramref name="kinds"/> ends within <c>[from, to]</c>.</summary>
    public bool EndsWithin(CueKind kinds, int from, int to) => LastEndingWithin(kinds, from, to) is not null;

    /// <summary>The first cue of <paramref name="kinds"/> starting within <c>[from, to]</c>, or null.</summary>
    public CueHit? FirstStartingWithin(CueKind kinds, int from, int to)
    {
        for (var i = FirstStartingAtOrAfter(from); i < _hits.Count && _hits[i].Start <= to; i++)
        {
            if (_hits[i].Is(kinds))
            {
                return _hits[i];
            }
        }

        return null;
    }

    /// <summary>The cue of <paramref name="kinds"/> nearest before <paramref name="to"/>, ending within
    /// <c>[from, to]</c>; of overlapping cues the one that starts first wins, so "error code:" beats "code:".</summary>
    public CueHit? LastEndingWithin(CueKind kinds, int from, int to)
    {
        CueHit? best = null;
        for (var i = FirstStartingAtOrAfter(from - _maxLength); i < _hits.Count && _hits[i].Start <= to; i++)
        {
            var hit = _hits[i];
            if (!hit.Is(kinds) || hit.End < from || hit.End > to)
            {
                continue;
            }

            if (best is not { } b || hit.Start >= b.End)
            {
                best = hit;
            }
        }

        return best;
    }

    /// <summary>The index in <see cref="Hits"/> of the first hit starting at or after <paramref name="position"/>.</summary>
    public int FirstStartingAtOrAfter(int position)
    {
        int lo = 0, hi = _hits.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_hits[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
