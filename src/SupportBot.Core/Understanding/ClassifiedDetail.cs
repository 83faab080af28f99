namespace SupportBot.Core.Understanding;

/// <summary>One detail a classifier says the message states.</summary>
/// <param name="Kind">The detail kind (one of <see cref="Recognizers.SlotKinds"/>, or anything the classifier made up).</param>
/// <param name="Value">The value, which the engine keeps only when it appears verbatim in the message and the
/// recognizer of <paramref name="Kind"/> accepts it.</param>
public sealed record ClassifiedDetail(string Kind, string Value);
