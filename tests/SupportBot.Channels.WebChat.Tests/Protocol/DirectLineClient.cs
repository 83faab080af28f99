using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Testing.Web;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

/// <summary>A plain Direct Line client for the tests: the REST calls DirectLineJS makes, and a WebSocket reader that
/// waits for activity sets (no sleeping: each read waits for the next frame, bounded by a timeout).</summary>
internal sealed class DirectLineClient : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;

    public DirectLineClient(RunningHost host) => _http = host.CreateClient();

    public HttpClient Http => _http;

    public string ConversationId { get; private set; } = "";

    public string Token { get; set; } = "";

    public string UserId { get; private set; } = "";

    public string StreamUrl { get; private set; } = "";

    /// <summary>Token from the host's own route, then POST /conversations with it.</summary>
    public async Task<DirectLineClient> StartAsync(string? locale = "en-US")
    {
        var minted = await SendAsync(HttpMethod.Post, "/webchat/token", null, null);
        Assert.Equal(HttpStatusCode.OK, minted.Status);
        ConversationId = (string)minted.Json!["conversationId"]!;
        Token = (string)minted.Json["token"]!;
        UserId = (string)minted.Json["userId"]!;
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations",
            new JsonObject { ["user"] = new JsonObject(), ["locale"] = locale }, Token);
        Assert.Equal(HttpStatusCode.Created, started.Status);
        StreamUrl = (string)started.Json!["streamUrl"]!;
        return this;
    }

    public async Task<(HttpStatusCode Status, JsonObject? Json, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, JsonNode? body, string? bearer, string? rawBody = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (rawBody is not null || body is not null)
        {
            request.Content = new StringContent(rawBody ?? body!.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) as JsonObject : null, response);
    }

    /// <summary>POSTs a message; returns the id.</summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null, JsonNode? value = null)
    {
        var activity = Message(text, clientActivityId ?? Guid.NewGuid().ToString("N"));
        if (value is not null)
        {
            activity["value"] = value;
        }

        var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity, Token);
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        return (string)posted.Json!["id"]!;
    }

    public JsonObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Customer", ["role"] = "user" },
        ["locale"] = "en-US",
        ["channelId"] = "webchat",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };

    public async Task<JsonObject> GetActivitiesAsync(string? watermark, string? token = null)
    {
        var got = await SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}", null, token ?? Token);
        Assert.Equal(HttpStatusCode.OK, got.Status);
        return got.Json!;
    }

    public async Task<Stream> OpenStreamAsync(string? url = null) =>
        await Stream.ConnectAsync(url ?? StreamUrl);

    public void Dispose() => _http.Dispose();

    /// <summary>A connected WebSocket and the activities it delivered.</summary>
    internal sealed class Stream : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;

        private Stream(ClientWebSocket socket) => _socket = socket;

        public List<JsonObject> Activities { get; } = [];

        public string? Watermark { get; private set; }

        public int KeepAlives { get; private set; }

        public WebSocketState State => _socket.State;

        public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

        public string? CloseDescription => _socket.CloseStatusDescription;

        public static async Task<Stream> ConnectAsync(string url)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(url), TestContext.Current.CancellationToken);
            return new Stream(socket);
        }

        /// <summary>Reads frames until <paramref name="done"/> holds for the activities so far; returns the first
        /// activity it holds for (or null for a frame condition).</summary>
        public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, string what)
        {
            var seen = Activities.FirstOrDefault(match);
            while (seen is null)
            {
                if (await ReadFrameAsync() is null)
                {
                    Assert.Fail("The stream closed while waiting for " + what);
                }

                seen = Activities.FirstOrDefault(match);
            }

            return seen;
        }

        /// <summary>Reads one frame: the activity set, an empty object for a keep-alive, or null when closed.</summary>
        public async Task<JsonObject?> ReadFrameAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Patience);
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length == 0)
            {
                KeepAlives++;
                return [];
            }

            var set = (JsonObject)JsonNode.Parse(message.ToArray())!;
            foreach (var activity in set["activities"]!.AsArray())
            {
                Activities.Add((JsonObject)activity!.DeepClone());
            }

            if (set["watermark"] is JsonValue w)
            {
                Watermark = (string)w!;
            }

            return set;
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                try
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                }
                catch (WebSocketException)
                {
                }
            }

            _socket.Dispose();
        }
    }
}
