namespace SupportBot.Core.Catalog;

/// <summary>A ready-made answer an agent can insert and edit before sending.</summary>
/// <param name="Id">Stable id, e.g. <c>deposit-confirmations</c>.</param>
/// <param name="Title">Short label for the console's picker.</param>
/// <param name="Text">The reply, in each language; the ticket's locale picks one.</param>
public sealed record CannedReply(string Id, LocalizedText Title, LocalizedText Text);
