namespace SupportBot.Core.Recognizers;

/// <summary>A run of characters in a cleaned text.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The characters of this span in <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}
