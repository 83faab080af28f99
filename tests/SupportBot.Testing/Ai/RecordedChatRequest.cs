using System.Text.Json.Nodes;

namespace SupportBot.Testing.Ai;

/// <summary>One request <see cref="FakeOpenAiServer"/> received, as sent on the wire.</summary>
/// <param name="Path">The request path (e.g. <c>/v1/chat/completions</c>).</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="Body">The raw JSON body.</param>
public sealed record RecordedChatRequest(string Path, string? Authorization, string Body)
{
    /// <summary>The parsed body.</summary>
    public JsonNode? Json => JsonNode.Parse(Body);

    /// <summary>The model the client asked for.</summary>
    public string? Model => Json?["model"]?.GetValue<string>();

    /// <summary>Every message's content, joined: what the model would read.</summary>
    public string Prompt => string.Join(
        "\n",
        (Json?["messages"]?.AsArray() ?? []).Select(m => m?["content"]?.ToString() ?? string.Empty));
}
