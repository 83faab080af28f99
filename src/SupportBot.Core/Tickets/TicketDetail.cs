namespace SupportBot.Core.Tickets;

/// <summary>One gathered detail on a ticket.</summary>
/// <param name="Id">The detail id from the dialog file (e.g. <c>txid</c>).</param>
/// <param name="Kind">The recognizer kind.</param>
/// <param name="Value">The normalized value (time in UTC).</param>
/// <param name="Display">The value as it may be shown (masked email/phone).</param>
/// <param name="Original">The user's own words when they differ.</param>
public sealed record TicketDetail(string Id, string Kind, string Value, string Display, string? Original);
