using System.Text.Json.Serialization;

namespace SupportBot.Storage.Serialization;

/// <summary>The stored shape of a <see cref="Core.Tickets.TicketAttachment"/>; the time is unix milliseconds.</summary>
internal sealed record StoredAttachment(
    [property: JsonPropertyName("i")] string Id,
    [property: JsonPropertyName("f")] string FileName,
    [property: JsonPropertyName("c")] string ContentType,
    [property: JsonPropertyName("s")] long Size,
    [property: JsonPropertyName("a")] long At);
