using System.Text.Json.Serialization;

namespace SupportBot.Channels.WebChat.Web;

/// <summary><c>tokens/generate</c> and <c>tokens/refresh</c>.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary><c>POST /webchat/token</c>: a token response plus the user id the token carries.</summary>
public sealed record WebChatTokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId);

/// <summary>Start and reconnect.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);

/// <summary>A posted activity's id.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);
