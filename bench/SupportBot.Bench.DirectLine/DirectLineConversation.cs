using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SupportBot.Bench.DirectLine;

/// <summary>One Direct Line conversation of the driver: started with the site's secret, a WebSocket open on its
/// stream; a round trip is POST activity, then reading the stream until the bot's message answering it arrives.</summary>
internal sealed class DirectLineConversation
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket;
    private readonly string _activitiesPath;
    private readonly string _token;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _sent;

    private DirectLineConversation(HttpClient http, ClientWebSocket socket, string conversationId, string token)
    {
        _http = http;
        _socket = socket;
        _token = token;
        _activitiesPath = "/v3/directline/conversations/" + conversationId + "/activities";
    }

    public static async Task<DirectLineConversation> StartAsync(HttpClient http, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Content = new StringContent("{\"user\":{},\"locale\":\"en-US\"}", Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var started = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.RootElement.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        return new DirectLineConversation(
            http, socket, started.RootElement.GetProperty("conversationId").GetString()!,
            started.RootElement.GetProperty("token").GetString()!);
    }

    /// <summary>One round trip; false when it failed or no reply came in time.</summary>
    public async Task<bool> RoundTripAsync()
    {
        var n = Interlocked.Increment(ref _sent);
        var body = "{\"type\":\"message\",\"text\":\"menu\",\"locale\":\"en-US\",\"from\":{\"id\":\"bench\",\"role\":\"user\"},"
            + "\"channelData\":{\"clientActivityID\":\"bench-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, _activitiesPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        string id;
        using (var response = await _http.SendAsync(request))
        {
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var posted = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            id = posted.RootElement.GetProperty("id").GetString()!;
        }

        using var timeout = new CancellationTokenSource(ReplyTimeout);
        try
        {
            while (true)
            {
                var frame = await ReadFrameAsync(timeout.Token);
                if (frame is null)
                {
                    return false;
                }

                if (frame.Length > 0 && Answers(frame, id))
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static bool Answers(byte[] frame, string id)
    {
        using var set = JsonDocument.Parse(frame);
        foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id
                && activity.GetProperty("type").GetString() == "message")
            {
                return true;
            }
        }

        return false;
    }

    private async Task<byte[]?> ReadFrameAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(_buffer.AsMemory(), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(_buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return message.ToArray();
    }
}
