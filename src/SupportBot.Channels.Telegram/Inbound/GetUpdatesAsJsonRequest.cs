using System.Text.Json;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>The library's <see cref="GetUpdatesRequest"/> (its parameters, its body), answered as raw JSON, one element
/// per update. The library reads a batch as <c>Update[]</c>: one update it cannot read would fail the whole batch, the
/// offset could never move past it and the bot would stop for everyone. Read one by one
/// (<see cref="UpdateParser"/>), such an update is logged by its id and skipped, and the others are handled.</summary>
internal sealed class GetUpdatesAsJsonRequest(GetUpdatesRequest parameters) : IRequest<JsonElement[]>
{
    public HttpMethod HttpMethod => parameters.HttpMethod;

    public string MethodName => parameters.MethodName;

    public bool IsWebhookResponse
    {
        get => false;
        set => throw new NotSupportedException("getUpdates is never a webhook answer.");
    }

    public HttpContent? ToHttpContent() => parameters.ToHttpContent();
}
