using System.Text.Json.Serialization;

namespace SupportBot.Storage.Serialization;

/// <summary>The stored shape of a <see cref="Core.Activities.AgentSignature"/> on an outbox reply.</summary>
internal sealed record StoredAgent(
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("c")] string Code);
