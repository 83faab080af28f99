namespace SupportBot.Channels.Telegram.Wire;

/// <summary>A press on an inline keyboard button.</summary>
internal sealed record CallbackQuery
{
    public string Id { get; init; } = "";

    public required User From { get; init; }

    public Message? Message { get; init; }

    public string? Data { get; init; }
}
