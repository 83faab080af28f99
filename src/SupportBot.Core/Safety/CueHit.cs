namespace SupportBot.Core.Safety;

/// <summary>One context word found in the text: <c>[Start, End)</c> and what it means.</summary>
internal readonly record struct CueHit(int Start, int End, CueKind Kinds)
{
    /// <summary>Whether the cue has any of <paramref name="kinds"/>.</summary>
    public bool Is(CueKind kinds) => (Kinds & kinds) != 0;
}
