namespace SupportBot.Host.Api.Wire;

/// <summary>A ready-made reply from <c>dialogs/canned.yaml</c>.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">Short label.</param>
/// <param name="Text">The reply text, to edit and send with <c>POST /api/tickets/{number}/replies</c>.</param>
public sealed record CannedReplyDto(string Id, string Title, string Text);
