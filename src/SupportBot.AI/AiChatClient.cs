using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;

namespace SupportBot.AI;

/// <summary>One chat completion through Semantic Kernel's OpenAI connector, inside a Polly pipeline: a circuit breaker
/// around a per-call timeout, both on the injected <see cref="TimeProvider"/>. Every failure (down, slow, breaker
/// open, an error status, a body that is not a completion) comes back as null, so callers behave as with AI off.
/// Logs carry latency and token counts only: never the prompt, the answer or the key.</summary>
internal sealed class AiChatClient
{
    private readonly IChatCompletionService _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AiChatClient(AiOptions options, HttpClient httpClient, TimeProvider time, ILogger<AiChatClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _logger = logger;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),

            // One try per call: the breaker, not the SDK's retries with their own sleeps, decides about a failing
            // server, and the timeout below bounds the whole call.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(httpClient),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };

        // A local server (Ollama, vLLM) needs no key, but the client refuses an empty one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey;
        _chat = new OpenAIChatCompletionService(options.Model!, new OpenAIClient(new ApiKeyCredential(key), clientOptions));
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.BreakerFailures,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakerOpenSeconds),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    /// <summary>Asks the model; <paramref name="system"/> holds our instructions and <paramref name="user"/> the
    /// (redacted) material. <paramref name="responseFormat"/>, when given, asks for structured output (the caller
    /// still parses the text strictly: a server may ignore it). Null on any failure.</summary>
    public async Task<AiReply?> CompleteAsync(
        string purpose, string system, string user, CancellationToken cancellationToken, ChatResponseFormat? responseFormat = null)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.2, MaxTokens = 300, ResponseFormat = responseFormat };
        var started = _time.GetTimestamp();
        try
        {
            var message = await _pipeline.ExecuteAsync(
                async token => await _chat.GetChatMessageContentAsync(history, settings, kernel: null, token),
                cancellationToken);
            var usage = message.Metadata is not null && message.Metadata.TryGetValue("Usage", out var value)
                ? value as ChatTokenUsage
                : null;
            AiLog.Completed(_logger, purpose, _time.GetElapsedTime(started).TotalMilliseconds, usage?.InputTokenCount, usage?.OutputTokenCount);
            return new AiReply(message.Content ?? string.Empty, usage?.InputTokenCount, usage?.OutputTokenCount);
        }
        catch (BrokenCircuitException)
        {
            AiLog.BreakerOpen(_logger, purpose);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // The exception's type only: an SDK message may quote the server's body, which may echo the prompt.
            AiLog.Failed(_logger, purpose, _time.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            return null;
        }
    }
}
