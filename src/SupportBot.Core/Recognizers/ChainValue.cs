namespace SupportBot.Core.Recognizers;

/// <summary>A hash or address classified by its format: the value with the families it fits, or an error
/// code.</summary>
/// <param name="Value">Normalized value, when the format is valid.</param>
/// <param name="Families">Networks families it can belong to (64 hex fits Bitcoin, Tron and TON).</param>
/// <param name="Error">The error code when not valid.</param>
/// <param name="Args">Placeholder values for the error.</param>
public sealed record ChainValue(
    string? Value,
    IReadOnlyList<AddressFamily> Families,
    string? Error,
    IReadOnlyList<(string Name, string Value)> Args)
{
    /// <summary>Whether the format is valid.</summary>
    public bool IsValid => Value is not null;

    /// <summary>A valid value.</summary>
    public static ChainValue Ok(string value, params AddressFamily[] families) => new(value, families, null, []);

    /// <summary>An invalid value.</summary>
    public static ChainValue Fail(string error, params (string Name, string Value)[] args) =>
        new(null, [], error, args);

    /// <summary>As a recognition result.</summary>
    public RecognitionResult ToResult(string original) =>
        Value is null
            ? RecognitionResult.Fail(Error!, [.. Args])
            : RecognitionResult.Ok(new SlotValue(Value, Value,
                string.Equals(original, Value, StringComparison.Ordinal) ? null : original));
}
