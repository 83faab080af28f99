using System.Text.Json.Nodes;

namespace SupportBot.Channels.Telegram.Tests.Fake;

/// <summary>Builds updates the way Telegram sends them (snake_case, extra fields included).</summary>
public static class Updates
{
    private static long _messageId = 5000;

    public static JsonObject User(long id, string? language = "en") => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = "Alice",
        ["language_code"] = language,
        ["is_premium"] = true,
    };

    public static JsonObject Text(long chatId, string text, string? language = "en", long? messageId = null) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId ?? Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Alice" },
            ["from"] = User(chatId, language),
            ["text"] = text,
            ["some_future_field"] = new JsonObject { ["x"] = 1 },
        },
    };

    /// <summary>An edited_message update: the message <paramref name="messageId"/> now reads <paramref name="text"/>.</summary>
    public static JsonObject Edited(long chatId, long messageId, string text, string? language = "en") => new()
    {
        ["edited_message"] = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            ["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Alice" },
            ["from"] = User(chatId, language),
            ["text"] = text,
        },
    };

    public static JsonObject Photo(long chatId, string fileId, long size, string? caption = null, string? language = "en") => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["from"] = User(chatId, language),
            ["caption"] = caption,
            ["photo"] = new JsonArray
            {
                new JsonObject { ["file_id"] = fileId + "-small", ["file_unique_id"] = "s", ["width"] = 90, ["height"] = 90, ["file_size"] = 100 },
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "b", ["width"] = 800, ["height"] = 600, ["file_size"] = size },
            },
        },
    };

    public static JsonObject Callback(long chatId, RecordedCall keyboardMessage, long sentMessageId, string callbackData, string? language = "en") => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = "cb" + Interlocked.Increment(ref _messageId),
            ["from"] = User(chatId, language),
            ["chat_instance"] = "ci",
            ["data"] = callbackData,
            ["message"] = new JsonObject
            {
                ["message_id"] = sentMessageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                ["text"] = keyboardMessage.Text,
                ["reply_markup"] = keyboardMessage.Parameters["reply_markup"]?.DeepClone(),
            },
        },
    };

    public static JsonObject Group(long chatId, long userId, string text) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Traders" },
            ["from"] = User(userId),
            ["text"] = text,
        },
    };

    public static JsonObject Topic(long chatId, long threadId, long userId, string text) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Agents", ["is_forum"] = true },
            ["from"] = User(userId),
            ["message_thread_id"] = threadId,
            ["is_topic_message"] = true,
            ["text"] = text,
        },
    };
}
