using System.Text.Json.Serialization;

namespace SupportBot.Storage.Serialization;

/// <summary>The stored shape of a <see cref="Core.Activities.ChoiceOption"/>; one-letter names keep outbox rows
/// small.</summary>
internal sealed record StoredChoice(
    [property: JsonPropertyName("v")] string Value,
    [property: JsonPropertyName("t")] string Title);
