using System.Text.Json;

namespace SupportBot.Channels.Telegram.Wire;

/// <summary>A message (the fields we use).</summary>
internal sealed record Message
{
    public long MessageId { get; init; }

    /// <summary>Unix seconds; 0 marks an inaccessible message inside a callback query.</summary>
    public long Date { get; init; }

    public required Chat Chat { get; init; }

    public User? From { get; init; }

    public long? MessageThreadId { get; init; }

    public bool? IsTopicMessage { get; init; }

    public string? Text { get; init; }

    public string? Caption { get; init; }

    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    public Document? Document { get; init; }

    public long? MigrateToChatId { get; init; }

    public JsonElement? ForumTopicCreated { get; init; }

    public Message? ReplyToMessage { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}
