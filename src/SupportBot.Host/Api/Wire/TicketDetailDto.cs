namespace SupportBot.Host.Api.Wire;

/// <summary>One gathered detail.</summary>
/// <param name="Id">The detail id from the dialog file (e.g. <c>txid</c>).</param>
/// <param name="Kind">The recognizer kind (e.g. <c>txid</c>, <c>time</c>, <c>email</c>).</param>
/// <param name="Value">The normalized value (a time in UTC).</param>
/// <param name="Display">The value as shown back to the user (email and phone masked).</param>
/// <param name="Original">The user's own words, when they differ from the value.</param>
public sealed record TicketDetailDto(string Id, string Kind, string Value, string Display, string? Original);
