using System.Text.Json.Serialization;

namespace SupportBot.Channels.Discord.Wire;

/// <summary>The one place the Discord JSON settings live: snake_case names, nulls left out, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HeartbeatFrame))]
[JsonSerializable(typeof(IdentifyFrame))]
[JsonSerializable(typeof(ResumeFrame))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(MessageEdit))]
[JsonSerializable(typeof(DmCreate))]
[JsonSerializable(typeof(ThreadCreate))]
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(CreatedMessage))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionCallback))]
[JsonSerializable(typeof(List<CommandDefinition>))]
[JsonSerializable(typeof(NoBody))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
