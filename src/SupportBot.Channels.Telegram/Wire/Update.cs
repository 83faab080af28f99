namespace SupportBot.Channels.Telegram.Wire;

/// <summary>One incoming update; only the kinds we handle are read, every other field is ignored.</summary>
internal sealed record Update
{
    public long UpdateId { get; init; }

    public Message? Message { get; init; }

    public Message? EditedMessage { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }
}
