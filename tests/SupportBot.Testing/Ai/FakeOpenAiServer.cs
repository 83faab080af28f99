using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Testing.Ai;

/// <summary>An OpenAI-compatible chat-completions server on loopback, over real HTTP: <c>POST
/// /v1/chat/completions</c> answers in OpenAI's published response shape (id, object, created, model, choices with
/// message and finish_reason, usage). It records every request and can be scripted to answer, fail with 500, hang, or
/// return a body that is not a completion.</summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedChatRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private FakeOpenAiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The value for <c>AI:Endpoint</c>: the root plus <c>v1</c>.</summary>
    public string Endpoint => new Uri(Address, "v1").ToString();

    /// <summary>What the next requests get.</summary>
    public FakeModelBehavior Behavior { get; set; } = FakeModelBehavior.Answer;

    /// <summary>The completion's content when <see cref="Behavior"/> is <see cref="FakeModelBehavior.Answer"/>.</summary>
    public string AnswerText { get; set; } = "The user reports a USDT deposit on TRC20 that has not arrived. They gave their UID and the transaction hash.";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenAiServer? fake = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => fake!.HandleAsync(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        fake = new FakeOpenAiServer(app, new Uri(addresses.Addresses.First().TrimEnd('/') + "/"));
        return fake;
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_requests)
            {
                if (_requests.Count >= count)
                {
                    return;
                }

                next = _received.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the server (a test may stop it early to play a server that is down).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var behavior = Behavior;
        var answer = AnswerText;
        lock (_requests)
        {
            _requests.Add(new RecordedChatRequest(
                context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body));
            var received = _received;
            _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            received.SetResult();
        }

        switch (behavior)
        {
            case FakeModelBehavior.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(
                    new JsonObject { ["error"] = new JsonObject { ["message"] = "The server had an error.", ["type"] = "server_error" } });
                return;
            case FakeModelBehavior.Hang:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, linked.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up, or the test is over.
                    }
                }

                return;
            case FakeModelBehavior.Garbage:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"choices\": [ this is not json", context.RequestAborted);
                return;
            default:
                await context.Response.WriteAsJsonAsync(Completion(JsonNode.Parse(body)?["model"]?.ToString() ?? "unknown", answer));
                return;
        }
    }

    // OpenAI's chat completion object (API reference, "The chat completion object").
    private static JsonObject Completion(string model, string content) => new()
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = 120,
            ["completion_tokens"] = 30,
            ["total_tokens"] = 150,
        },
    };
}
