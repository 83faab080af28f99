namespace SupportBot.Core.Recognizers;

/// <summary>The outcome of recognizing a detail: a value, or an error code with its placeholder arguments.</summary>
public readonly record struct RecognitionResult
{
    /// <summary>The value when recognized.</summary>
    public SlotValue? Value { get; init; }

    /// <summary>The error code (text key <c>error.CODE</c> in dialogs/) when not recognized.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Placeholder values for the error text, e.g. ("min", "6").</summary>
    public IReadOnlyList<(string Name, string Value)> ErrorArgs { get; init; }

    /// <summary>Whether a value was recognized.</summary>
    public bool Success => Value is not null;

    /// <summary>A recognized value.</summary>
    public static RecognitionResult Ok(SlotValue value) => new() { Value = value, ErrorArgs = [] };

    /// <summary>A failure with one of <see cref="RecognizerErrors"/>' codes.</summary>
    public static RecognitionResult Fail(string errorCode, params (string Name, string Value)[] args) =>
        new() { ErrorCode = errorCode, ErrorArgs = args };
}
