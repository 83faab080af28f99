using System.Text.Json.Serialization;

namespace SupportBot.Channels.Telegram.Requests;

/// <summary>One Bot API method call: its name and its answer's type; the properties are its parameters.</summary>
/// <typeparam name="TResult">What the method returns.</typeparam>
internal abstract record BotRequest<TResult>
{
    protected BotRequest(string methodName) => MethodName = methodName;

    [JsonIgnore]
    public string MethodName { get; }

    /// <summary>Overrides the client's timeout (long polling waits longer).</summary>
    [JsonIgnore]
    public TimeSpan? ClientTimeout { get; init; }
}
