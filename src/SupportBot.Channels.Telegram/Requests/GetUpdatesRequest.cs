namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>getUpdates</c>: long polling; calling it with <see cref="Offset"/> confirms every earlier update.</summary>
internal sealed record GetUpdatesRequest() : BotRequest<IReadOnlyList<System.Text.Json.JsonElement>>("getUpdates")
{
    public long? Offset { get; init; }

    public int? Limit { get; init; }

    public int? Timeout { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
