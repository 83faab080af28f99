namespace SupportBot.Core.Recognizers.Time;

/// <summary>What a time token is.</summary>
internal enum TimeTokenKind
{
    /// <summary>Digits or a Chinese numeral.</summary>
    Number,

    /// <summary>A run of ASCII letters (lower-cased), or a Chinese keyword.</summary>
    Word,

    /// <summary>Any other single character.</summary>
    Symbol,
}
