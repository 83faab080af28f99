namespace SupportBot.Host.Api.Wire;

/// <summary>Answer of <c>POST /api/tickets/{number}/suggested-reply</c>: the optional AI's draft for an agent to
/// edit and send with <c>POST /api/tickets/{number}/replies</c>; it has not been sent to anyone.</summary>
/// <param name="Draft">Plain text in the ticket's language, checked by the outbound guard and the secret scanner.</param>
public sealed record SuggestedReplyDto(string Draft);
