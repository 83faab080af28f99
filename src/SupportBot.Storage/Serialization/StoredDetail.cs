using System.Text.Json.Serialization;

namespace SupportBot.Storage.Serialization;

/// <summary>The stored shape of a <see cref="Core.Tickets.TicketDetail"/>.</summary>
internal sealed record StoredDetail(
    [property: JsonPropertyName("i")] string Id,
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("v")] string Value,
    [property: JsonPropertyName("d")] string Display,
    [property: JsonPropertyName("o")] string? Original);
