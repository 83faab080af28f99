using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Wire;

namespace SupportBot.Channels.Discord.Gateway;

/// <summary>The gateway connection (v10, JSON): Hello → heartbeats with jitter (a missed ACK reconnects), Identify or
/// Resume with the session id and last sequence on <c>resume_gateway_url</c>, op 7 and op 9, fatal close codes,
/// exponential back-off with jitter. Every timer is on <see cref="TimeProvider"/>. Dispatches go to
/// <see cref="OnDispatch"/>, which must return quickly (it queues).</summary>
internal sealed class DiscordGateway
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly TaskCompletionSource<ReadyData> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _gatewayUrl;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _seq;

    // Whether the current (or just ended) session reached READY or RESUMED: the back-off starts again after one that did.
    private bool _started;

    public DiscordGateway(DiscordOptions options, DiscordRestClient rest, TimeProvider time, ILogger<DiscordGateway> log)
    {
        _options = options;
        _rest = rest;
        _time = time;
        _log = log;
    }

    /// <summary>The random factor of heartbeat and back-off jitter, 0 to 1 (tests fix it).</summary>
    public Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>Receives each dispatch (event name, body) in the order Discord sent them.</summary>
    public Action<string, JsonElement>? OnDispatch { get; set; }

    /// <summary>Completes with the first READY.</summary>
    public Task<ReadyData> Ready => _ready.Task;

    /// <summary>Raised after each READY or RESUMED (tests wait on it).</summary>
    public event Action<bool>? SessionStarted;

    /// <summary>The intents asked for: message content only when the staff threads need it.</summary>
    public GatewayIntents Intents => GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages
        | (_options.StaffEnabled ? GatewayIntents.MessageContent : GatewayIntents.None);

    /// <summary>Connects and stays connected until <paramref name="cancellationToken"/> fires; throws
    /// <see cref="DiscordGatewayException"/> on a fatal close code.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var resume = _sessionId is not null && _resumeUrl is not null;
            SessionEnd end;
            _started = false;
            try
            {
                var url = resume ? _resumeUrl! : await GatewayUrlAsync(cancellationToken);
                end = await RunSessionAsync(url, resume, cancellationToken);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or DiscordRequestException
                || (ex is DiscordApiException api && api.Status != 401)
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                _log.LogWarning("Discord: the gateway connection failed ({Failure}); reconnecting.", ex.GetType().Name);
                end = new SessionEnd(Healthy: _started, Immediate: false);
            }

            // Consecutive sessions that never started: a session that reached READY or RESUMED starts the count again.
            failures = end.Healthy ? 1 : failures + 1;
            if (!end.Immediate)
            {
                await Task.Delay(Backoff(failures, Jitter()), _time, cancellationToken);
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to 60 s, each times 0.5–1 by <paramref name="jitter"/>.</summary>
    public static TimeSpan Backoff(int failures, double jitter) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), MaxBackoff.TotalSeconds) * (0.5 + (jitter / 2)));

    private async Task<Uri> GatewayUrlAsync(CancellationToken ct)
    {
        if (_options.GatewayUrl is { } configured)
        {
            return configured;
        }

        if (_gatewayUrl is null)
        {
            var answer = await _rest.GetAsync(DiscordRoute.GatewayBot(), DiscordJsonContext.Default.GatewayBotResponse, ct);
            _gatewayUrl = new Uri(answer.Url);
        }

        return _gatewayUrl;
    }

    private async Task<SessionEnd> RunSessionAsync(Uri url, bool resume, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(WithQuery(url), ct);
        using var session = new Session(socket);
        ITimer? heartbeat = null;
        try
        {
            while (true)
            {
                GatewayPayload? payload;
                try
                {
                    var frame = await ReceiveAsync(socket, ct);
                    if (frame is null)
                    {
                        return Closed((int?)socket.CloseStatus ?? 1006, _started);
                    }

                    payload = JsonSerializer.Deserialize(frame, DiscordJsonContext.Default.GatewayPayload);
                }
                catch (JsonException)
                {
                    _log.LogWarning("Discord: skipped a malformed gateway payload.");
                    continue;
                }
                catch (Exception ex) when (session.Zombie && ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    _log.LogWarning("Discord: no heartbeat ACK arrived; reconnecting to resume.");
                    return new SessionEnd(_started, Immediate: false);
                }

                if (payload is null)
                {
                    continue;
                }

                switch ((GatewayOpCode)payload.Op)
                {
                    case GatewayOpCode.Hello:
                        var hello = Parse(payload.D, DiscordJsonContext.Default.HelloData);
                        var interval = TimeSpan.FromMilliseconds(Math.Max(1000, hello?.HeartbeatInterval ?? 41250));
                        heartbeat?.Dispose();
                        heartbeat = _time.CreateTimer(_ => Beat(session), null, interval * Jitter(), interval);
                        if (resume)
                        {
                            await session.SendAsync(
                                new ResumeFrame(6, new ResumeData(_options.BotToken!, _sessionId!, _seq ?? 0)),
                                DiscordJsonContext.Default.ResumeFrame, ct);
                        }
                        else
                        {
                            await session.SendAsync(
                                new IdentifyFrame(2, new IdentifyData(_options.BotToken!, (int)Intents,
                                    new IdentifyProperties("linux", "supportbot", "supportbot"))),
                                DiscordJsonContext.Default.IdentifyFrame, ct);
                        }

                        break;
                    case GatewayOpCode.HeartbeatAck:
                        session.Acked = true;
                        break;
                    case GatewayOpCode.Heartbeat:
                        await session.SendAsync(new HeartbeatFrame(1, _seq), DiscordJsonContext.Default.HeartbeatFrame, ct);
                        break;
                    case GatewayOpCode.Reconnect:
                        _log.LogInformation("Discord: the gateway asked for a reconnect; resuming.");
                        await CloseQuietlyAsync(socket);
                        return new SessionEnd(_started, Immediate: true);
                    case GatewayOpCode.InvalidSession:
                        var resumable = payload.D.ValueKind == JsonValueKind.True;
                        _log.LogInformation("Discord: the session is invalid ({Resumable}).", resumable ? "resumable" : "identifying anew");
                        if (!resumable)
                        {
                            ForgetSession();
                        }

                        await CloseQuietlyAsync(socket);
                        return new SessionEnd(Healthy: false, Immediate: false);
                    case GatewayOpCode.Dispatch:
                        if (payload.S is { } seq)
                        {
                            _seq = seq;
                        }

                        _started |= OnEvent(payload);
                        break;
                }
            }
        }
        finally
        {
            heartbeat?.Dispose();
        }
    }

    private bool OnEvent(GatewayPayload payload)
    {
        switch (payload.T)
        {
            case "READY":
                var ready = Parse(payload.D, DiscordJsonContext.Default.ReadyData);
                if (ready is null || string.IsNullOrEmpty(ready.SessionId) || string.IsNullOrEmpty(ready.User?.Id))
                {
                    _log.LogWarning("Discord: skipped a malformed READY.");
                    return false;
                }

                _sessionId = ready.SessionId;
                _resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
                _log.LogInformation("Discord: connected as {User} ({Id}).", ready.User.Username, ready.User.Id);
                _ready.TrySetResult(ready);
                SessionStarted?.Invoke(false);
                return true;
            case "RESUMED":
                _log.LogInformation("Discord: session resumed.");
                SessionStarted?.Invoke(true);
                return true;
            case null:
                return false;
            default:
                OnDispatch?.Invoke(payload.T, payload.D);
                return false;
        }
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when it is missing or has the wrong shape.</summary>
    private static T? Parse<T>(JsonElement body, JsonTypeInfo<T> type)
        where T : class
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return body.Deserialize(type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Beat(Session session)
    {
        if (!session.Acked)
        {
            // A zombied connection: drop it without a 1000/1001 close so the session stays resumable.
            session.Zombie = true;
            session.Socket.Abort();
            return;
        }

        session.Acked = false;
        _ = SendHeartbeatAsync(session);
    }

    private async Task SendHeartbeatAsync(Session session)
    {
        try
        {
            await session.SendAsync(new HeartbeatFrame(1, _seq), DiscordJsonContext.Default.HeartbeatFrame, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop sees the broken socket and reconnects.
        }
    }

    private SessionEnd Closed(int code, bool healthy)
    {
        if (DiscordGatewayException.IsFatal(code))
        {
            throw new DiscordGatewayException(code);
        }

        if (code is 4007 or 4009)
        {
            ForgetSession();
        }

        _log.LogWarning("Discord: the gateway closed the connection ({Code}); reconnecting.", code);
        return new SessionEnd(healthy, Immediate: false);
    }

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _seq = null;
    }

    private static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        // Large dispatches span several frames: read to the end of the message before parsing.
        using var message = new MemoryStream();
        var buffer = new byte[16384];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnect", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    private readonly record struct SessionEnd(bool Healthy, bool Immediate);

    private sealed class Session(ClientWebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public ClientWebSocket Socket => socket;

        public volatile bool Acked = true;

        public volatile bool Zombie;

        public void Dispose() => _sendLock.Dispose();

        public async Task SendAsync<T>(T frame, JsonTypeInfo<T> type, CancellationToken ct)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, type);
            await _sendLock.WaitAsync(ct);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}
