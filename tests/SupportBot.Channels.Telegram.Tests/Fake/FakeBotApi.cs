using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Channels.Telegram.Tests.Fake;

/// <summary>A Telegram Bot API on loopback, over real HTTP, for tests. It refuses (400, with a description) any
/// method or parameter the spec file does not define, records every call, serves getUpdates from a queue (long
/// polling waits for an update or the timeout), serves files at <c>/file/bot&lt;token&gt;/&lt;path&gt;</c>, and
/// injects faults: 429 with retry_after, 500, 403, hangs, 409, migrations, duplicate updates.</summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_secret";
    public const long BotId = 123456;
    public const string BotUsername = "support_test_bot";

    private readonly WebApplication _app;
    private readonly List<RecordedCall> _calls = [];
    private readonly List<JsonObject> _updates = [];
    private readonly List<Fault> _faults = [];
    private readonly ConcurrentDictionary<string, (string Path, byte[] Bytes)> _files = new();
    private readonly ConcurrentDictionary<long, long> _messageIds = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextUpdateId = 1000;
    private long _nextThreadId = 500;
    private long _confirmedOffset;

    private FakeBotApi(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public BotApiSpec Spec { get; } = BotApiSpec.Instance;

    /// <summary>getUpdates answers 409 while set (a webhook or another poller).</summary>
    public bool Conflict { get; set; }

    /// <summary>The highest offset a getUpdates call confirmed with.</summary>
    public long ConfirmedOffset => Interlocked.Read(ref _confirmedOffset);

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<RecordedCall> Refused => [.. Calls.Where(c => c.Refusal is not null)];

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeBotApi? fake = null;
        app.MapPost("/bot{token}/{method}", (HttpContext c, string token, string method) => fake!.HandleAsync(c, token, method));
        app.MapGet("/bot{token}/{method}", (HttpContext c, string token, string method) => fake!.HandleAsync(c, token, method));
        app.MapGet("/file/bot{token}/{**path}", (string token, string path) => fake!.ServeFile(token, path));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        fake = new FakeBotApi(app, new Uri(addresses.Addresses.First().TrimEnd('/') + "/"));
        return fake;
    }

    /// <summary>Queues an update (its update_id is assigned here unless it has one) and returns its id.</summary>
    public long Enqueue(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        long id;
        lock (_updates)
        {
            if (update["update_id"] is null)
            {
                update["update_id"] = Interlocked.Increment(ref _nextUpdateId);
            }

            id = long.Parse(update["update_id"]!.ToJsonString(), CultureInfo.InvariantCulture);
            _updates.Add(update);
        }

        Signal();
        return id;
    }

    /// <summary>Queues raw JSON (malformed updates).</summary>
    public void EnqueueRaw(string json) => Enqueue(JsonNode.Parse(json)!.AsObject());

    public void Inject(Fault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>A file users "sent": getFile finds it by id and the download route serves its bytes.</summary>
    public void AddFile(string fileId, byte[] bytes) => _files[fileId] = ("photos/" + fileId + ".jpg", bytes);

    /// <summary>Waits until a call matching <paramref name="predicate"/> was recorded (checked after every call).</summary>
    public async Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> predicate, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_calls)
            {
                changed = _changed.Task;
                if (_calls.FirstOrDefault(predicate) is { } found)
                {
                    return found;
                }
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The fake Bot API saw no such call. Calls: " + string.Join(", ", Calls.Select(c => c.Method + (c.Refusal is null ? "" : "!" + c.Refusal))));
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking after every call the fake receives.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_calls)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                // Re-check after every call, and now and then for changes the fake cannot see (a store write).
                await changed.WaitAsync(TimeSpan.FromMilliseconds(50), limit.Token);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting for " + (what ?? "a condition") + ".");
            }
        }
    }

    public IReadOnlyList<RecordedCall> Sent(long chatId) =>
        [.. Calls.Where(c => c.Method == "sendMessage" && c.Accepted && c.ChatId == chatId)];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var parameters = await ReadParametersAsync(context.Request);
        if (token != Token)
        {
            await AnswerErrorAsync(context, Record(method, parameters ?? [], 401, "Unauthorized"), 401, "Unauthorized", null);
            return;
        }

        if (parameters is null)
        {
            await AnswerErrorAsync(context, Record(method, [], 400, "bad body"), 400, "Bad Request: body is not a JSON object", null);
            return;
        }

        if (Spec.Check(method, parameters) is { } refusal)
        {
            await AnswerErrorAsync(context, Record(method, parameters, 400, refusal), 400, refusal, null);
            return;
        }

        if (TakeFault(method, parameters) is { } fault)
        {
            if (fault.Hang)
            {
                Record(method, parameters, 0, null);
                try
                {
                    await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token).Token);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            if (fault.Drop)
            {
                Record(method, parameters, 0, null);
                context.Abort();
                return;
            }

            Record(method, parameters, fault.ErrorCode, null);
            await AnswerErrorAsync(context, null, fault.ErrorCode, fault.Description, fault);
            return;
        }

        if (method == "getUpdates")
        {
            await GetUpdatesAsync(context, parameters);
            return;
        }

        var result = Result(method, parameters, out var error);
        if (error is not null)
        {
            Record(method, parameters, 400, null);
            await AnswerErrorAsync(context, null, 400, error, null);
            return;
        }

        Record(method, parameters, 200, null);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private JsonNode? Result(string method, JsonObject p, out string? error)
    {
        error = null;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (method)
        {
            case "getMe":
                return new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Support", ["username"] = BotUsername };
            case "sendMessage":
                var chat = p["chat_id"]!.GetValue<long>();
                var id = _messageIds.AddOrUpdate(chat, 1, (_, n) => n + 1);
                return new JsonObject
                {
                    ["message_id"] = id,
                    ["date"] = now,
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat > 0 ? "private" : "supergroup" },
                    ["text"] = p["text"]?.DeepClone(),
                };
            case "getFile":
                var fileId = (string)p["file_id"]!;
                if (!_files.TryGetValue(fileId, out var file))
                {
                    error = "Bad Request: invalid file_id";
                    return null;
                }

                return new JsonObject
                {
                    ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_size"] = file.Bytes.Length, ["file_path"] = file.Path,
                };
            case "createForumTopic":
                return new JsonObject
                {
                    ["message_thread_id"] = Interlocked.Increment(ref _nextThreadId),
                    ["name"] = p["name"]?.DeepClone(),
                    ["icon_color"] = p["icon_color"]?.DeepClone() ?? 7322096,
                };
            case "editMessageReplyMarkup" when p["chat_id"] is not null:
                // The edited message (True only for an inline message, which has no chat).
                return new JsonObject
                {
                    ["message_id"] = p["message_id"]?.DeepClone(),
                    ["date"] = now,
                    ["edit_date"] = now,
                    ["chat"] = new JsonObject { ["id"] = p["chat_id"]!.DeepClone(), ["type"] = "private" },
                    ["text"] = "…",
                };
            default:
                return true;
        }
    }

    private async Task GetUpdatesAsync(HttpContext context, JsonObject p)
    {
        if (Conflict)
        {
            Record("getUpdates", p, 409, null);
            await AnswerErrorAsync(context, null, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", null);
            return;
        }

        var offset = p["offset"]?.GetValue<long>();
        var timeout = p["timeout"]?.GetValue<int>() ?? 0;
        if (offset is { } confirmed)
        {
            // Telegram forgets every update below the offset: they are confirmed.
            lock (_updates)
            {
                _updates.RemoveAll(u => long.Parse(u["update_id"]!.ToJsonString(), CultureInfo.InvariantCulture) < confirmed);
            }

            InterlockedMax(ref _confirmedOffset, confirmed);
        }

        Record("getUpdates", p, 200, null);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        wait.CancelAfter(TimeSpan.FromSeconds(timeout));
        while (true)
        {
            Task changed;
            JsonArray batch;
            lock (_updates)
            {
                changed = _changedUpdates.Task;
                batch = [.. _updates.Select(u => (JsonNode)u.DeepClone())];
            }

            if (batch.Count > 0 || wait.IsCancellationRequested)
            {
                await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = batch }, CancellationToken.None);
                return;
            }

            try
            {
                await changed.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                if (context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private TaskCompletionSource _changedUpdates = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IResult ServeFile(string token, string path)
    {
        if (token != Token)
        {
            return Results.Unauthorized();
        }

        var file = _files.Values.FirstOrDefault(f => f.Path == path);
        return file.Bytes is null ? Results.NotFound() : Results.Bytes(file.Bytes, "image/jpeg");
    }

    private Fault? TakeFault(string method, JsonObject parameters)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(f => f.Method == method
                && (f.ChatId is null || parameters["chat_id"]?.GetValue<long>() == f.ChatId)
                && (f.Match is null || f.Match(parameters)));
            if (fault is null)
            {
                return null;
            }

            if (--fault.Times <= 0)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }

    private RecordedCall Record(string method, JsonObject parameters, int status, string? refusal)
    {
        RecordedCall call;
        TaskCompletionSource previous;
        lock (_calls)
        {
            call = new RecordedCall(_calls.Count + 1, method, parameters, status, refusal);
            _calls.Add(call);
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
        return call;
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_updates)
        {
            previous = _changedUpdates;
            _changedUpdates = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private static async Task AnswerErrorAsync(HttpContext context, RecordedCall? _, int code, string description, Fault? fault)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (fault?.RetryAfter is { } after)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = after };
        }
        else if (fault?.MigrateToChatId is { } to)
        {
            body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = to };
        }

        context.Response.StatusCode = code;
        await context.Response.WriteAsJsonAsync(body);
    }

    private static async Task<JsonObject?> ReadParametersAsync(HttpRequest request)
    {
        var result = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            result[key] = value.ToString();
        }

        if (request.HasJsonContentType())
        {
            try
            {
                var body = await JsonNode.ParseAsync(request.Body);
                if (body is not JsonObject obj)
                {
                    return null;
                }

                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    result[key] = value;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                result[key] = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : JsonValue.Create(value.ToString());
            }
        }

        return result;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value
            && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
