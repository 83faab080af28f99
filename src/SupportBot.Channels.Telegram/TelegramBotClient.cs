using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SupportBot.Channels.Telegram.Requests;
using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram;

/// <summary>All I/O with the Bot API goes through <see cref="SendRequestAsync{TResult}"/> (and the file download).
/// Failures come in two kinds: <see cref="TelegramRequestException"/> (no answer: network, timeout) and
/// <see cref="TelegramApiException"/> (an answer saying no). The token is part of every address, so no address
/// ever reaches an exception message or a log line; the HttpClient is our own, without the factory's logging.</summary>
internal sealed class TelegramBotClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly string _apiPrefix;
    private readonly string _filePrefix;

    public TelegramBotClient(IOptions<TelegramOptions> options, TimeProvider time)
        : this(options.Value, time, null)
    {
    }

    public TelegramBotClient(TelegramOptions options, TimeProvider time, HttpMessageHandler? handler)
    {
        _options = options;
        _time = time;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var root = options.ApiBaseUrl.ToString().TrimEnd('/');
        _apiPrefix = root + "/bot" + options.BotToken + "/";
        _filePrefix = root + "/file/bot" + options.BotToken + "/";
    }

    /// <summary>Calls the method and returns its result, or throws one of the two failure kinds.</summary>
    public async Task<TResult> SendRequestAsync<TResult>(
        BotRequest<TResult> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestInfo = TelegramJson.Default.GetTypeInfo(request.GetType())
            ?? throw new InvalidOperationException("No JSON contract for " + request.GetType().Name);
        var responseInfo = (JsonTypeInfo<ApiResponse<TResult>>)(TelegramJson.Default.GetTypeInfo(typeof(ApiResponse<TResult>))
            ?? throw new InvalidOperationException("No JSON contract for the answer of " + request.MethodName));
        var body = JsonSerializer.Serialize(request, requestInfo);

        using var timeout = new CancellationTokenSource(request.ClientTimeout ?? _options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, _apiPrefix + request.MethodName)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        HttpResponseMessage response;
        string text;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            text = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TelegramRequestException($"Telegram {request.MethodName} timed out.", ex) { IsTimeout = true };
        }
        catch (HttpRequestException ex)
        {
            // The inner exception is kept out: its message can carry the address.
            throw new TelegramRequestException(
                $"Telegram {request.MethodName} failed: {ex.HttpRequestError}.");
        }

        using (response)
        {
            ApiResponse<TResult>? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize(text, responseInfo);
            }
            catch (JsonException)
            {
            }

            if (envelope is { Ok: true, Result: { } result })
            {
                return result;
            }

            var code = envelope?.ErrorCode ?? (int)response.StatusCode;
            if (envelope is null && response.IsSuccessStatusCode)
            {
                throw new TelegramRequestException($"Telegram {request.MethodName} answered with something that is not the Bot API's JSON.");
            }

            throw new TelegramApiException(request.MethodName, code, envelope?.Description ?? ReasonOf(response.StatusCode))
            {
                RetryAfter = envelope?.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                MigrateToChatId = envelope?.Parameters?.MigrateToChatId,
            };
        }
    }

    /// <summary>Downloads a file getFile pointed at, refusing more than <paramref name="maxBytes"/>. Returns null
    /// when the file is too large.</summary>
    public async Task<byte[]?> DownloadFileAsync(string filePath, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        if (filePath.Contains("..", StringComparison.Ordinal))
        {
            throw new TelegramRequestException("Telegram gave a file path we do not follow.");
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.GetAsync(
                _filePrefix + filePath, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new TelegramApiException("file download", (int)response.StatusCode, ReasonOf(response.StatusCode));
            }

            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, linked.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TelegramRequestException("The Telegram file download timed out.", ex) { IsTimeout = true };
        }
        catch (HttpRequestException ex)
        {
            throw new TelegramRequestException($"The Telegram file download failed: {ex.HttpRequestError}.");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string ReasonOf(HttpStatusCode status) => "HTTP " + (int)status;
}
