using System.Text.Json.Serialization;

namespace SupportBot.Channels.WebChat.Tokens;

/// <summary>The JWT claims of a token.</summary>
public sealed class TokenPayload
{
    /// <summary>Conversation id.</summary>
    [JsonPropertyName("conv")]
    public string Conv { get; set; } = "";

    /// <summary>User id.</summary>
    [JsonPropertyName("user")]
    public string User { get; set; } = "";

    /// <summary>Issued at, Unix seconds.</summary>
    [JsonPropertyName("iat")]
    public long Iat { get; set; }

    /// <summary>Expires at, Unix seconds.</summary>
    [JsonPropertyName("exp")]
    public long Exp { get; set; }
}

/// <summary>Source-generated JSON for the token payload.</summary>
[JsonSerializable(typeof(TokenPayload))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
