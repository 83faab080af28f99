using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Host.Api.Wire;

namespace SupportBot.Host.Api;

/// <summary>The API's JSON, in one place and independent of other endpoints' settings: camelCase, ISO-8601 dates,
/// enums already turned into their wire names by <see cref="ApiMapper"/>. A body with a property the API does not
/// know is refused, so a misspelt field is reported instead of silently ignored.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(TicketListDto))]
[JsonSerializable(typeof(TicketViewDto))]
[JsonSerializable(typeof(CannedListDto))]
[JsonSerializable(typeof(SuggestedReplyDto))]
[JsonSerializable(typeof(ReplyRequest))]
[JsonSerializable(typeof(NoteRequest))]
[JsonSerializable(typeof(StatusRequest))]
[JsonSerializable(typeof(PriorityRequest))]
[JsonSerializable(typeof(AssignmentRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
