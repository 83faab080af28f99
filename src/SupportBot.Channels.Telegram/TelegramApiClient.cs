using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using SupportBot.Channels.Telegram.Inbound;
using Telegram.Bot.Requests.Abstractions;

namespace SupportBot.Channels.Telegram;

/// <summary>The library's <see cref="TelegramBotClient"/> (its requests, types and errors) with three things of ours
/// on its one seam, <see cref="SendRequest{TResponse}"/>: every call times out on our <see cref="TimeProvider"/>
/// (long polling a little after its poll), Telegram's 429 comes back to the caller as an
/// <see cref="ApiRequestException"/> with <c>retry_after</c> (our outbox and limiter wait it out, the library's own
/// blind retry is off), and no failure carries the token. The library builds every address as
/// <c>…/bot&lt;token&gt;/method</c> and puts the transport's message into its <see cref="RequestException"/>, so a
/// failure without an answer is thrown again as our own <see cref="RequestException"/>, worded here, without the inner
/// exception, the token cut out of anything quoted. The HttpClient is our own, not the factory's, so no logging
/// handler ever sees an address.</summary>
internal sealed class TelegramApiClient : TelegramBotClient, IDisposable
{
    private const string Hidden = "<token>";

    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly string _token;
    private readonly HttpClient _http;

    public TelegramApiClient(IOptions<TelegramOptions> options, TimeProvider time)
        : this(options.Value, time, handler: null)
    {
    }

    public TelegramApiClient(TelegramOptions options, TimeProvider time, HttpMessageHandler? handler)
        : this(options, time, OwnHttpClient(handler))
    {
    }

    private TelegramApiClient(TelegramOptions options, TimeProvider time, HttpClient http)
        : base(LibraryOptions(options), http)
    {
        _options = options;
        _time = time;
        _token = options.BotToken;
        _http = http;
    }

    /// <summary>Whether a failure without an answer was our timeout (rather than the network).</summary>
    public static bool IsTimeout(RequestException ex) => ex is not ApiRequestException && ex.InnerException is TimeoutException;

    /// <inheritdoc />
    public override async Task<TResponse> SendRequest<TResponse>(
        IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.MethodName == "getUpdates"
            ? TimeSpan.FromSeconds(_options.PollTimeoutSeconds + 15)
            : _options.RequestTimeout;
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.SendRequest(request, linked.Token);
        }
        catch (Exception ex) when (Clean(ex, request.MethodName, cancellationToken) is { } clean)
        {
            throw clean;
        }
    }

    /// <summary>Downloads a file getFile pointed at into memory, refusing more than <paramref name="maxBytes"/>.
    /// Returns null when the file is larger.</summary>
    public async Task<byte[]?> DownloadFileAsync(string filePath, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        if (filePath.Contains("..", StringComparison.Ordinal))
        {
            throw new RequestException("Telegram gave a file path we do not follow.");
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await using var buffer = new CappedBuffer(maxBytes);
        try
        {
            await DownloadFile(filePath, buffer, linked.Token);
            return buffer.ToArray();
        }
        catch (Exception ex) when (Causes(ex).Any(e => e is CappedBuffer.FullException))
        {
            // The library wraps what the stream threw (in HttpClient's wrapping of it).
            return null;
        }
        catch (Exception ex) when (Clean(ex, "file download", cancellationToken) is { } clean)
        {
            throw clean;
        }
    }

    /// <summary>What the caller gets instead of <paramref name="ex"/>; null lets it through unchanged (the caller's
    /// own cancellation, or anything that is not a Bot API failure).</summary>
    private RequestException? Clean(Exception ex, string method, CancellationToken callerToken) => ex switch
    {
        OperationCanceledException or RequestException { InnerException: OperationCanceledException }
            when !callerToken.IsCancellationRequested =>
            new RequestException($"Telegram {method} timed out.", new TimeoutException()),
        ApiRequestException api when api.Message.Contains(_token, StringComparison.Ordinal) =>
            new ApiRequestException(Scrub(api.Message), api.ErrorCode, api.Parameters),
        ApiRequestException => null,
        RequestException { HttpStatusCode: { } status } request =>
            new RequestException($"Telegram {method} failed: {Scrub(request.Message)}", status),
        RequestException request => new RequestException($"Telegram {method} failed: {Scrub(request.Message)}"),
        _ => null,
    };

    public void Dispose() => _http.Dispose();

    private static IEnumerable<Exception> Causes(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private string Scrub(string text) => text.Replace(_token, Hidden, StringComparison.Ordinal);

    private static TelegramBotClientOptions LibraryOptions(TelegramOptions options) =>
        new(options.BotToken, options.ApiBaseUrl.ToString())
        {
            // 429 is not retried inside the library (it would wait on the wall clock, holding the chat's slot and
            // hiding retry_after from the outbox); RetryThreshold 0 turns that off.
            RetryThreshold = 0,
        };

    private static HttpClient OwnHttpClient(HttpMessageHandler? handler) =>
        new(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // Timeouts are ours (on the TimeProvider, per call); the HttpClient's own would fire on the wall clock.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
}
