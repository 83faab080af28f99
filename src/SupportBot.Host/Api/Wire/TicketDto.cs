namespace SupportBot.Host.Api.Wire;

/// <summary>A ticket as the REST API shows it.</summary>
/// <param name="Number">The number the user quotes.</param>
/// <param name="Status"><c>new</c>, <c>assigned</c>, <c>waiting_on_user</c>, <c>resolved</c> or <c>closed</c>.</param>
/// <param name="Priority"><c>urgent</c>, <c>high</c>, <c>normal</c> or <c>low</c>.</param>
/// <param name="Category">The problem id from the dialogs (e.g. <c>deposit</c>).</param>
/// <param name="Channel">The channel (e.g. <c>telegram</c>, <c>webchat</c>, <c>console</c>).</param>
/// <param name="Conversation">The channel's conversation id.</param>
/// <param name="UserId">The channel's user id.</param>
/// <param name="UserName">The user's profile name on their channel (Telegram, Discord), or null.</param>
/// <param name="Locale"><c>zh-CN</c> or <c>en</c>.</param>
/// <param name="Assignee">The assigned agent's name, or null.</param>
/// <param name="SecretExposed">The user exposed a seed phrase or private key (removed before storage).</param>
/// <param name="Unreachable">The user's chat no longer accepts messages.</param>
/// <param name="Rating">The user's 1–5 rating, once given.</param>
/// <param name="RatingComment">The user's rating comment (redacted), if any.</param>
/// <param name="Summary">A short summary for the agent written by the optional AI from the redacted transcript, or
/// null (AI off, failed, or not done yet).</param>
/// <param name="CreatedAt">Created (ISO-8601).</param>
/// <param name="UpdatedAt">Last changed.</param>
/// <param name="FirstResponseAt">An agent's first reply.</param>
/// <param name="ResolvedAt">Last resolved.</param>
/// <param name="ClosedAt">Closed.</param>
/// <param name="LastUserMessageAt">The user's last message about it.</param>
/// <param name="Details">The details the bot gathered.</param>
/// <param name="Attachments">The files kept with it.</param>
public sealed record TicketDto(
    long Number,
    string Status,
    string Priority,
    string Category,
    string Channel,
    string Conversation,
    string UserId,
    string? UserName,
    string Locale,
    string? Assignee,
    bool SecretExposed,
    bool Unreachable,
    int? Rating,
    string? RatingComment,
    string? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? LastUserMessageAt,
    IReadOnlyList<TicketDetailDto> Details,
    IReadOnlyList<AttachmentDto> Attachments);
