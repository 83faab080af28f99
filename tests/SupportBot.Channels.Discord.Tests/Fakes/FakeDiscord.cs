using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Channels.Discord.Tests.Fakes;

/// <summary>A fake Discord on loopback (Kestrel): the REST API under <c>/api/v10</c>, checked route by route and field by
/// field against the OpenAPI file, and a gateway WebSocket that speaks v10 JSON (Hello, READY, Resume with replay,
/// heartbeat ACKs). Tests script failures: 429 per route or global, error codes, dropped ACKs, op 7, op 9, close codes.</summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.bot-token-never-logged";
    public const string BotUserId = "900000000000000001";
    public const string ApplicationId = "900000000000000002";
    public const string GuildId = "900000000000000003";
    public const string StaffChannelId = "900000000000000004";
    public const string StaffRoleId = "900000000000000005";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _gatewayLog = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, Queue<ScriptedFailure>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nonces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _exhausted = new(StringComparer.Ordinal);
    private readonly List<(long Seq, string Type, JsonNode Data)> _history = [];
    private long _nextId = 800000000000000000;
    private long _seq;
    private WebSocket? _socket;
    private SemaphoreSlim _sendLock = new(1, 1);

    private FakeDiscord(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public Uri ApiBase => new(Address, "api/v10/");

    /// <summary>Spec violations seen (route unknown, field not in the schema, missing auth).</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Users whose DMs are closed (50007).</summary>
    public HashSet<string> ClosedDms { get; } = new(StringComparer.Ordinal);

    /// <summary>Stop answering heartbeats.</summary>
    public bool DropAcks { get; set; }

    /// <summary>When set, every Identify or Resume is answered by closing with this code (a session that never starts).</summary>
    public int? CloseOnSessionStart { get; set; }

    /// <summary>Routes (e.g. <c>DELETE /channels/{channel_id}/messages/{message_id}</c>) that share one
    /// <c>X-RateLimit-Bucket</c>; every other route has its own.</summary>
    public Dictionary<string, string> SharedBuckets { get; } = new(StringComparer.Ordinal);

    /// <summary>The heartbeat interval sent in Hello.</summary>
    public int HeartbeatIntervalMs { get; set; } = 45000;

    /// <summary>Gives the bot's clock, to stamp requests with.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<string> GatewayLog
    {
        get
        {
            lock (_gate)
            {
                return [.. _gatewayLog];
            }
        }
    }

    /// <summary>When each request arrived, by the bot's clock (same order as <see cref="Requests"/>).</summary>
    public List<DateTimeOffset> RequestTimes { get; } = [];

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.GatewayAsync);
        app.Map("/resume", fake.GatewayAsync);
        app.MapGet("/cdn/{name}", (string name) => Results.Bytes(Files.TryGetValue(name, out var file) ? file : Png, "image/png"));
        app.Map("/api/v10/{**rest}", fake.RestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Address = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>A tiny valid PNG (the attachment every fake CDN address serves).</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The next call of <paramref name="route"/> (e.g. <c>POST /channels/{channel_id}/messages</c>) fails so.</summary>
    public void FailNext(string route, ScriptedFailure failure)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(route, out var queue))
            {
                _failures[route] = queue = new Queue<ScriptedFailure>();
            }

            queue.Enqueue(failure);
        }
    }

    /// <summary>The next successful call of <paramref name="route"/> says its bucket is empty for
    /// <paramref name="resetAfterSeconds"/> (<c>X-RateLimit-Remaining: 0</c>).</summary>
    public void ExhaustNext(string route, double resetAfterSeconds)
    {
        lock (_gate)
        {
            _exhausted[route] = resetAfterSeconds;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> over the recorded requests holds.</summary>
    public Task WaitForAsync(Func<FakeDiscord, bool> condition, CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((() => condition(this), done));
        }

        Signal();
        return done.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>The messages posted to <paramref name="channel"/>, in order.</summary>
    public IReadOnlyList<RecordedRequest> MessagesTo(string channel) =>
        [.. Requests.Where(r => r.Route == "POST /channels/{channel_id}/messages" && r.Segment(1) == channel && r.Status == 200)];

    // ------------------------------------------------------------------ gateway control

    /// <summary>Sends (or, while disconnected, keeps for replay) a dispatch.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        long seq;
        WebSocket? socket;
        lock (_gate)
        {
            seq = ++_seq;
            _history.Add((seq, type, data));
            socket = _socket;
        }

        if (socket is not null)
        {
            await SendAsync(socket, new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = seq, ["d"] = data.DeepClone() });
        }
    }

    /// <summary>Sends a raw payload on the open connection.</summary>
    public async Task SendRawAsync(string json)
    {
        var socket = _socket ?? throw new InvalidOperationException("not connected");
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendOpAsync(int op, JsonNode? data = null) =>
        SendAsync(_socket!, new JsonObject { ["op"] = op, ["d"] = data });

    /// <summary>Closes the connection with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code) => CloseSocketAsync(_socket!, code);

    private async Task CloseSocketAsync(WebSocket socket, int code)
    {
        var gate = _sendLock;
        await gate.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop()
    {
        WebSocket? socket;
        lock (_gate)
        {
            socket = _socket;
            _socket = null;
        }

        socket?.Abort();
    }

    // ------------------------------------------------------------------ payload builders

    public static JsonObject User(string id, string name) =>
        new() { ["id"] = id, ["username"] = name, ["global_name"] = name, ["discriminator"] = "0", ["avatar"] = null };

    public static JsonObject DmMessage(string id, string channel, string userId, string content, JsonArray? attachments = null) => new()
    {
        ["id"] = id,
        ["channel_id"] = channel,
        ["author"] = User(userId, "user" + userId[^3..]),
        ["content"] = content,
        ["timestamp"] = "2025-03-05T12:00:00.000000+00:00",
        ["attachments"] = attachments ?? [],
        ["embeds"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
        ["type"] = 0,
        ["flags"] = 0,
        ["channel_type"] = 1,
        ["some_future_field"] = new JsonObject { ["x"] = 1 },
    };

    public static JsonObject GuildMessage(string id, string channel, string userId, string content, params string[] roles)
    {
        var message = DmMessage(id, channel, userId, content);
        message["guild_id"] = GuildId;
        message["member"] = new JsonObject { ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]) };
        message.Remove("channel_type");
        return message;
    }

    /// <summary>Files the CDN serves by name instead of the tiny PNG (a test's screenshot).</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public JsonObject Attachment(string name) => new()
    {
        ["id"] = NextId(),
        ["filename"] = name,
        ["content_type"] = "image/png",
        ["size"] = Files.TryGetValue(name, out var file) ? file.Length : Png.Length,
        ["url"] = new Uri(Address, "cdn/" + name + "?ex=1&is=2&hm=signature").ToString(),
        ["proxy_url"] = new Uri(Address, "cdn/" + name).ToString(),
    };

    public static JsonObject Click(string id, string channel, string userId, string customId, JsonNode messageComponents, string locale) => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 3,
        ["token"] = "itoken-" + id,
        ["version"] = 1,
        ["channel_id"] = channel,
        ["user"] = User(userId, "user"),
        ["locale"] = locale,
        ["context"] = 1,
        ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
        ["message"] = new JsonObject
        {
            ["id"] = "1",
            ["channel_id"] = channel,
            ["author"] = User(BotUserId, "bot"),
            ["content"] = "",
            ["components"] = messageComponents.DeepClone(),
        },
    };

    public static JsonObject Command(string id, string name, string channel, string userId, string locale, string[]? roles = null, JsonArray? options = null) => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 2,
        ["token"] = "itoken-" + id,
        ["version"] = 1,
        ["guild_id"] = GuildId,
        ["channel_id"] = channel,
        ["member"] = new JsonObject
        {
            ["user"] = User(userId, "member"),
            ["roles"] = new JsonArray([.. (roles ?? []).Select(r => (JsonNode)r)]),
        },
        ["locale"] = locale,
        ["data"] = new JsonObject { ["id"] = "1", ["name"] = name, ["type"] = 1, ["options"] = options ?? [] },
    };

    public string NextId()
    {
        lock (_gate)
        {
            return (++_nextId).ToString(CultureInfo.InvariantCulture);
        }
    }

    public static string DmChannelOf(string userId) => "7" + userId[1..];

    // ------------------------------------------------------------------ REST

    private async Task RestAsync(HttpContext context)
    {
        var path = "/" + (string?)context.Request.RouteValues["rest"];
        var method = context.Request.Method;
        var template = OpenApiSpec.Discord.Match(method, path);
        JsonNode? body = null;
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync();
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }

        if (template is null)
        {
            Violate($"{method} {path}: no such route in the OpenAPI file");
            await Answer(context, new RecordedRequest(method, "?", path, body, 404), 404, new JsonObject { ["code"] = 0, ["message"] = "404: Not Found" });
            return;
        }

        foreach (var field in OpenApiSpec.Discord.UnknownFields(method, template, body))
        {
            Violate($"{method} {template}: body field {field} is not in the schema");
        }

        var interaction = template.StartsWith("/interactions/", StringComparison.Ordinal) || template.StartsWith("/webhooks/", StringComparison.Ordinal);
        if (!interaction && context.Request.Headers.Authorization != "Bot " + Token)
        {
            Violate($"{method} {template}: missing or wrong bot authorization");
        }

        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            Violate($"{method} {template}: User-Agent is not DiscordBot (url, version)");
        }

        var route = method + " " + template;
        ScriptedFailure? failure = null;
        lock (_gate)
        {
            if (_failures.TryGetValue(route, out var queue) && queue.Count > 0)
            {
                failure = queue.Dequeue();
            }
        }

        if (failure is not null)
        {
            var error = new JsonObject { ["message"] = "scripted", ["code"] = failure.Code ?? 0 };
            if (failure.Status == 429)
            {
                error["retry_after"] = failure.RetryAfterSeconds ?? 1;
                error["global"] = failure.Global;
                context.Response.Headers["Retry-After"] = (failure.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-RateLimit-Scope"] = failure.Global ? "global" : "user";
                if (failure.Global)
                {
                    context.Response.Headers["X-RateLimit-Global"] = "true";
                }
                else
                {
                    context.Response.Headers["X-RateLimit-Bucket"] = BucketOf(route);
                    context.Response.Headers["X-RateLimit-Remaining"] = "0";
                    context.Response.Headers["X-RateLimit-Reset-After"] = (failure.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
                }
            }

            await Answer(context, new RecordedRequest(method, template, path, body, failure.Status), failure.Status, error);
            return;
        }

        double? exhaustedFor;
        lock (_gate)
        {
            exhaustedFor = _exhausted.Remove(route, out var seconds) ? seconds : null;
        }

        context.Response.Headers["X-RateLimit-Bucket"] = BucketOf(route);
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = exhaustedFor is null ? "4" : "0";
        context.Response.Headers["X-RateLimit-Reset-After"] = (exhaustedFor ?? 1.0).ToString(CultureInfo.InvariantCulture);
        var (status, answer) = Normal(route, path, body);
        await Answer(context, new RecordedRequest(method, template, path, body, status), status, answer);
    }

    private string BucketOf(string route) =>
        SharedBuckets.TryGetValue(route, out var shared) ? shared : "bucket-" + route.GetHashCode(StringComparison.Ordinal);

    private (int Status, JsonNode? Body) Normal(string route, string path, JsonNode? body)
    {
        var segments = path.Trim('/').Split('/');
        switch (route)
        {
            case "GET /gateway/bot":
                return (200, new JsonObject
                {
                    ["url"] = new Uri(Address, "gateway").ToString().Replace("http://", "ws://", StringComparison.Ordinal),
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 0, ["max_concurrency"] = 1 },
                });
            case "POST /users/@me/channels":
                var recipient = body?["recipient_id"]?.GetValue<string>() ?? "";
                return ClosedDms.Contains(recipient)
                    ? (403, new JsonObject { ["code"] = 50007, ["message"] = "Cannot send messages to this user" })
                    : (200, new JsonObject { ["id"] = DmChannelOf(recipient), ["type"] = 1, ["recipients"] = new JsonArray(User(recipient, "u")) });
            case "POST /channels/{channel_id}/messages":
                if (ClosedDms.Any(u => DmChannelOf(u) == segments[1]))
                {
                    return (403, new JsonObject { ["code"] = 50007, ["message"] = "Cannot send messages to this user" });
                }

                var nonce = body?["nonce"]?.GetValue<string>();
                lock (_gate)
                {
                    if (nonce is not null && _nonces.TryGetValue(segments[1] + "/" + nonce, out var existing))
                    {
                        // enforce_nonce: the same nonce returns the message already made.
                        return (208, new JsonObject { ["id"] = existing, ["channel_id"] = segments[1] });
                    }
                }

                var id = NextId();
                if (nonce is not null)
                {
                    lock (_gate)
                    {
                        _nonces[segments[1] + "/" + nonce] = id;
                    }
                }

                return (200, new JsonObject { ["id"] = id, ["channel_id"] = segments[1], ["content"] = body?["content"]?.DeepClone() });
            case "POST /channels/{channel_id}/threads":
                return (201, new JsonObject { ["id"] = NextId(), ["type"] = 11, ["name"] = body?["name"]?.DeepClone(), ["guild_id"] = GuildId });
            case "DELETE /channels/{channel_id}/messages/{message_id}":
                return segments[1].StartsWith('7')
                    ? (403, new JsonObject { ["code"] = 50003, ["message"] = "Cannot execute action on a DM channel" })
                    : (204, null);
            case "POST /interactions/{interaction_id}/{interaction_token}/callback":
            case "POST /channels/{channel_id}/typing":
                return (204, null);
            default:
                return route.StartsWith("PUT ", StringComparison.Ordinal) ? (200, new JsonArray()) : (200, new JsonObject { ["id"] = NextId() });
        }
    }

    private async Task Answer(HttpContext context, RecordedRequest request, int status, JsonNode? body)
    {
        lock (_gate)
        {
            _requests.Add(request);
            RequestTimes.Add(Clock());
        }

        context.Response.StatusCode = status == 208 ? 200 : status;
        if (body is not null && status != 204)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }

        Signal();
    }

    private void Violate(string what)
    {
        lock (_gate)
        {
            Violations.Add(what);
        }
    }

    private void Signal()
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                bool holds;
                try
                {
                    holds = _waiters[i].Condition();
                }
                catch (Exception)
                {
                    holds = false;
                }

                if (holds)
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var tcs in done)
        {
            tcs.TrySetResult();
        }
    }

    // ------------------------------------------------------------------ gateway

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            Violate("gateway opened without ?v=10&encoding=json");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        lock (_gate)
        {
            _socket = socket;
            _sendLock = new SemaphoreSlim(1, 1);
            _gatewayLog.Add("connect " + context.Request.Path);
        }

        Signal();
        await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        var buffer = new byte[65536];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Log("closed by bot " + (int?)result.CloseStatus);
                    break;
                }

                var payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!;
                await OnGatewayPayloadAsync(socket, payload);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log("dropped");
        }
        finally
        {
            lock (_gate)
            {
                if (_socket == socket)
                {
                    _socket = null;
                }
            }
        }
    }

    private async Task OnGatewayPayloadAsync(WebSocket socket, JsonNode payload)
    {
        var op = payload["op"]!.GetValue<int>();
        var d = payload["d"];
        switch (op)
        {
            case 1:
                Log("heartbeat " + (d?.ToJsonString() ?? "null"));
                if (!DropAcks)
                {
                    await SendAsync(socket, new JsonObject { ["op"] = 11 });
                }

                break;
            case 2:
                if (d?["token"]?.GetValue<string>() != Token)
                {
                    Violate("identify with the wrong token");
                }

                Log("identify intents=" + d?["intents"]);
                if (CloseOnSessionStart is { } refuse)
                {
                    await CloseSocketAsync(socket, refuse);
                    break;
                }

                long readySeq;
                lock (_gate)
                {
                    readySeq = ++_seq;
                }

                await SendAsync(socket, new JsonObject
                {
                    ["op"] = 0,
                    ["t"] = "READY",
                    ["s"] = readySeq,
                    ["d"] = new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "SupportBot", ["bot"] = true },
                        ["guilds"] = new JsonArray(),
                        ["session_id"] = "session-1",
                        ["resume_gateway_url"] = new Uri(Address, "resume").ToString().Replace("http://", "ws://", StringComparison.Ordinal),
                        ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
                    },
                });
                break;
            case 6:
                var from = d?["seq"]?.GetValue<long>() ?? 0;
                Log("resume session=" + d?["session_id"] + " seq=" + from);
                if (CloseOnSessionStart is { } refused)
                {
                    await CloseSocketAsync(socket, refused);
                    break;
                }

                List<(long Seq, string Type, JsonNode Data)> missed;
                lock (_gate)
                {
                    missed = [.. _history.Where(h => h.Seq > from)];
                }

                foreach (var (seq, type, data) in missed)
                {
                    await SendAsync(socket, new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = seq, ["d"] = data.DeepClone() });
                }

                long resumedSeq;
                lock (_gate)
                {
                    resumedSeq = ++_seq;
                }

                await SendAsync(socket, new JsonObject { ["op"] = 0, ["t"] = "RESUMED", ["s"] = resumedSeq, ["d"] = null });
                break;
            default:
                Log("op " + op);
                break;
        }
    }

    private void Log(string line)
    {
        lock (_gate)
        {
            _gatewayLog.Add(line);
        }

        Signal();
    }

    private async Task SendAsync(WebSocket socket, JsonNode payload)
    {
        var gate = _sendLock;
        await gate.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
