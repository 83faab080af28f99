namespace SupportBot.Channels.Telegram.Wire;

/// <summary>Why a request failed, when Telegram says more than the code.</summary>
internal sealed record ResponseParameters
{
    public long? MigrateToChatId { get; init; }

    public int? RetryAfter { get; init; }
}
