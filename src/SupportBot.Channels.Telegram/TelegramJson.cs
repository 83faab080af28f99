using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Channels.Telegram.Requests;
using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram;

/// <summary>The one place the Bot API's JSON settings live: snake_case names, nulls left out, unknown fields
/// ignored (newer Bot API versions add them all the time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(ApiResponse<User>))]
[JsonSerializable(typeof(ApiResponse<IReadOnlyList<JsonElement>>))]
[JsonSerializable(typeof(ApiResponse<bool>))]
[JsonSerializable(typeof(ApiResponse<Message>))]
[JsonSerializable(typeof(ApiResponse<TelegramFile>))]
[JsonSerializable(typeof(ApiResponse<ForumTopic>))]
[JsonSerializable(typeof(ApiResponse<JsonElement>))]
[JsonSerializable(typeof(GetMeRequest))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendChatActionRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(EditMessageReplyMarkupRequest))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(GetFileRequest))]
[JsonSerializable(typeof(CreateForumTopicRequest))]
internal sealed partial class TelegramJson : JsonSerializerContext;
