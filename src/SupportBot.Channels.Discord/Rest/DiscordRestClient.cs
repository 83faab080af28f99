using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Wire;

namespace SupportBot.Channels.Discord.Rest;

/// <summary>All REST I/O with Discord: one <see cref="SendAsync{TBody,TResult}"/> that waits for the rate limits,
/// retries a 429 or a 5xx while the wait stays under <see cref="DiscordOptions.MaxRateLimitWait"/>, and turns
/// failures into <see cref="DiscordApiException"/> (Discord said no) or <see cref="DiscordRequestException"/> (no
/// answer). The token only ever travels in the Authorization header.</summary>
internal sealed class DiscordRestClient
{
    private const int MaxAttempts = 5;

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly RateLimiter _limits;

    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient> log)
    {
        _http = http;
        _options = options;
        _time = time;
        _log = log;
        _limits = new RateLimiter(time);
        var baseUrl = options.ApiBaseUrl.ToString();
        _http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
    }

    public Task<TResult> SendAsync<TBody, TResult>(
        DiscordRoute route, TBody? body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken ct)
        where TResult : class =>
        SendCoreAsync(route, body, bodyType, resultType, ct)!;

    public Task SendAsync<TBody>(DiscordRoute route, TBody? body, JsonTypeInfo<TBody> bodyType, CancellationToken ct) =>
        SendCoreAsync<TBody, NoBody>(route, body, bodyType, null, ct);

    public Task<TResult> GetAsync<TResult>(DiscordRoute route, JsonTypeInfo<TResult> resultType, CancellationToken ct)
        where TResult : class =>
        SendCoreAsync(route, null, DiscordJsonContext.Default.NoBody, resultType, ct)!;

    /// <summary>Downloads an attachment (a signed CDN address: never logged), up to <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]?> DownloadAsync(string url, long maxBytes, CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > maxBytes)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UriFormatException
            || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            _log.LogWarning("Discord: an attachment could not be downloaded ({Failure}).", ex.GetType().Name);
            return null;
        }
    }

    private async Task<TResult?> SendCoreAsync<TBody, TResult>(
        DiscordRoute route, TBody? body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult>? resultType, CancellationToken ct)
        where TResult : class
    {
        var name = route.Method.Method + " " + route.Template;
        using var turn = await _limits.EnterAsync(route, ct);
        for (var attempt = 1; ; attempt++)
        {
            // Again after each wait: a global limit may have begun, or a route of the same bucket emptied it, meanwhile.
            for (var wait = _limits.Reserve(route); wait > TimeSpan.Zero; wait = _limits.Reserve(route))
            {
                if (wait > _options.MaxRateLimitWait)
                {
                    throw new DiscordApiException(name, 429, null, wait);
                }

                _log.LogDebug("Discord: {Route} waits {Wait} for its rate limit.", name, wait);
                await Task.Delay(wait, _time, ct);
            }

            using var request = new HttpRequestMessage(route.Method, route.Path);
            request.Headers.UserAgent.ParseAdd("DiscordBot (https://github.com/supportbot, 1.0)");
            if (!route.IsInteraction)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body, bodyType);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException
                || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                throw new DiscordRequestException(name, ex);
            }

            using (response)
            {
                var info = RateLimitInfo.From(response.Headers);
                var tooMany = response.StatusCode == HttpStatusCode.TooManyRequests;
                _limits.Update(route, info, tooMany);
                if (response.IsSuccessStatusCode)
                {
                    if (resultType is null || response.StatusCode == HttpStatusCode.NoContent)
                    {
                        return null;
                    }

                    return await response.Content.ReadFromJsonAsync(resultType, ct)
                        ?? throw new DiscordApiException(name, (int)response.StatusCode, null);
                }

                var error = await ReadErrorAsync(response, ct);
                var status = (int)response.StatusCode;
                if (tooMany)
                {
                    var retryAfter = info.RetryAfter
                        ?? (error?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(1));
                    if (error?.Global == true && !info.IsGlobal)
                    {
                        _limits.Update(route, info with { IsGlobal = true, RetryAfter = retryAfter }, tooMany: true);
                    }

                    _log.LogWarning("Discord: {Route} hit a{Global} rate limit; waiting {Wait}.",
                        name, info.IsGlobal || error?.Global == true ? " global" : "", retryAfter);
                    if (attempt < MaxAttempts && retryAfter <= _options.MaxRateLimitWait)
                    {
                        continue;
                    }

                    throw new DiscordApiException(name, status, error?.Code, retryAfter);
                }

                if (status >= 500 && attempt < 3)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt), _time, ct);
                    continue;
                }

                if (status == 401)
                {
                    _log.LogError("Discord: {Route} answered 401: the bot token is not valid (Discord:BotToken).", name);
                }

                throw new DiscordApiException(name, status, error?.Code);
            }
        }
    }

    private static async Task<ApiErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, DiscordJsonContext.Default.ApiErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
