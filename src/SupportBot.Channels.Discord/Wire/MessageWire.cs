using System.Text.Json.Serialization;

namespace SupportBot.Channels.Discord.Wire;

// Messages, users, channels (protocols.md B.4, B.5, B.6).

/// <summary>A user.</summary>
internal sealed record DiscordUser(string Id, string? Username = null, string? GlobalName = null, bool? Bot = null);

/// <summary>A guild member (partial).</summary>
internal sealed record DiscordMember(DiscordUser? User = null, IReadOnlyList<string>? Roles = null, string? Nick = null);

/// <summary>An attachment of a received message.</summary>
internal sealed record DiscordAttachment(string Id, string Filename, string? ContentType, long Size, string Url);

/// <summary>A received message (MESSAGE_CREATE adds <c>guild_id</c> and <c>member</c>; MESSAGE_UPDATE of an edit carries
/// <c>edited_timestamp</c>).</summary>
internal sealed record DiscordMessage(
    string Id,
    string ChannelId,
    DiscordUser Author,
    string? Content = null,
    IReadOnlyList<DiscordAttachment>? Attachments = null,
    string? GuildId = null,
    DiscordMember? Member = null,
    IReadOnlyList<DiscordUser>? Mentions = null,
    IReadOnlyList<ActionRow>? Components = null,
    string? EditedTimestamp = null);

/// <summary>A channel (the fields we use).</summary>
internal sealed record DiscordChannel(string Id, int Type, string? Name = null, string? GuildId = null);

/// <summary>An action row (type 1) of buttons.</summary>
internal sealed record ActionRow(int Type, IReadOnlyList<Button> Components);

/// <summary>A button (type 2).</summary>
internal sealed record Button(int Type, int Style, string? Label, string? CustomId, bool? Disabled = null);

/// <summary><c>allowed_mentions</c>: an empty <c>parse</c> list pings nobody, whatever the text holds.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static AllowedMentions None { get; } = new([]);
}

/// <summary>The body of <c>POST /channels/{id}/messages</c>.</summary>
internal sealed record MessageCreate(
    string? Content,
    IReadOnlyList<ActionRow>? Components = null,
    AllowedMentions? AllowedMentions = null,
    string? Nonce = null,
    bool? EnforceNonce = null);

/// <summary>The body of <c>PATCH /channels/{id}/messages/{id}</c> and of webhook message edits.</summary>
internal sealed record MessageEdit(
    string? Content = null,
    IReadOnlyList<ActionRow>? Components = null,
    AllowedMentions? AllowedMentions = null);

/// <summary>The body of <c>POST /users/@me/channels</c>.</summary>
internal sealed record DmCreate(string RecipientId);

/// <summary>The body of <c>POST /channels/{id}/threads</c>.</summary>
internal sealed record ThreadCreate(string Name, int AutoArchiveDuration, int Type);

/// <summary>A JSON error body: <c>{"code": 50007, "message": "..."}</c>, or a 429 body.</summary>
internal sealed record ApiErrorBody(int? Code, string? Message, double? RetryAfter, bool? Global);

/// <summary>What sending a message returns (the id is all we keep).</summary>
internal sealed record CreatedMessage(string Id, string ChannelId);

/// <summary>Marker for requests without a body.</summary>
internal sealed record NoBody
{
    [JsonIgnore]
    public static NoBody Value { get; } = new();
}
