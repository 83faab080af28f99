namespace SupportBot.Core.Recognizers.Time;

/// <summary>One token of a time answer.</summary>
/// <param name="Kind">Number, word or symbol.</param>
/// <param name="Text">The word (lower case), the keyword, the symbol, or the digits.</param>
/// <param name="Value">A number's value (-1 when too large to matter).</param>
/// <param name="Digits">How many ASCII digits a number had; 0 for a Chinese numeral.</param>
/// <param name="Start">Where it starts in the cleaned text.</param>
/// <param name="SpaceBefore">Whether a space preceded it.</param>
internal readonly record struct TimeToken(
    TimeTokenKind Kind, string Text, int Value, int Digits, int Start, bool SpaceBefore)
{
    /// <summary>Whether this is the word or symbol <paramref name="text"/>.</summary>
    public bool Is(string text) => Kind != TimeTokenKind.Number && string.Equals(Text, text, StringComparison.Ordinal);

    /// <summary>Whether this is a number of at most <paramref name="maxDigits"/> digits (Chinese numerals
    /// count).</summary>
    public bool IsNumber(int maxDigits = 2) => Kind == TimeTokenKind.Number && Value >= 0 && Digits <= maxDigits;
}
