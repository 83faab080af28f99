using System.Text.Json.Serialization;

namespace SupportBot.Storage.Serialization;

/// <summary>Source-generated JSON for the columns that hold documents (ticket details and attachments, outbox
/// replies, attachment names): no reflection at run time, and nulls are left out so rows stay small.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredReply))]
[JsonSerializable(typeof(StoredDetail[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(StoredAttachment[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
