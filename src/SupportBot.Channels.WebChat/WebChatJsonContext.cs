using System.Text.Json.Serialization;
using SupportBot.Core.Activities;

namespace SupportBot.Channels.WebChat;

/// <summary>Source-generated JSON for the web chat's own small shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChoiceOption[]))]
internal sealed partial class WebChatJsonContext : JsonSerializerContext;
