using System.Text.Json.Serialization;

namespace SupportBot.Storage.Serialization;

/// <summary>The stored shape of a <see cref="Core.Activities.BotReply"/>. A separate type so the Core record can
/// change its C# names without breaking rows already in the outbox.</summary>
internal sealed record StoredReply(
    [property: JsonPropertyName("t")] string Text,
    [property: JsonPropertyName("c")] IReadOnlyList<StoredChoice>? Choices,
    [property: JsonPropertyName("p")] string? ProblemId,
    [property: JsonPropertyName("s")] string? StepId,
    [property: JsonPropertyName("n")] long? TicketNumber)
{
    /// <summary>The human agent who wrote the reply; absent on the bot's own replies and on rows written before
    /// agents could reply.</summary>
    [JsonPropertyName("a")]
    public StoredAgent? Agent { get; init; }
}
