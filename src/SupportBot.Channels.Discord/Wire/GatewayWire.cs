using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Channels.Discord.Wire;

// Gateway payloads (protocols.md B.2). Unknown fields are ignored by System.Text.Json.

/// <summary>The envelope of every received payload.</summary>
internal sealed record GatewayPayload(int Op, JsonElement D, long? S, string? T);

/// <summary>op 1: heartbeat; <c>d</c> is the last sequence or null and is always written.</summary>
internal sealed record HeartbeatFrame(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D);

/// <summary>op 2.</summary>
internal sealed record IdentifyFrame(int Op, IdentifyData D);

/// <summary>The body of Identify.</summary>
internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties);

/// <summary>Connection properties of Identify.</summary>
internal sealed record IdentifyProperties(string Os, string Browser, string Device);

/// <summary>op 6.</summary>
internal sealed record ResumeFrame(int Op, ResumeData D);

/// <summary>The body of Resume.</summary>
internal sealed record ResumeData(string Token, string SessionId, long Seq);

/// <summary>op 10's body.</summary>
internal sealed record HelloData(int HeartbeatInterval);

/// <summary>READY's body (the fields we use).</summary>
internal sealed record ReadyData(DiscordUser User, string SessionId, string ResumeGatewayUrl, ReadyApplication? Application);

/// <summary>The application in READY.</summary>
internal sealed record ReadyApplication(string Id);

/// <summary><c>GET /gateway/bot</c>.</summary>
internal sealed record GatewayBotResponse(string Url);
