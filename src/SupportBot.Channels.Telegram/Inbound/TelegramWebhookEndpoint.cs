using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>The webhook: only a POST carrying our secret in <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in
/// constant time) is accepted. The update is queued for the worker, and the answer waits until its turn is stored
/// (a few milliseconds, or as long as a screenshot takes to fetch), at most <see cref="TelegramOptions.WebhookAckTimeout"/>:
/// 200 once it is stored, an error when it failed, took too long or the host is stopping, so Telegram keeps it and
/// sends it again. Nothing is kept on disk before the turn (the update may hold a seed phrase the guard has not
/// removed yet): Telegram's own redelivery is what makes an accepted update safe. A malformed body is logged (its
/// size, never its content) and acknowledged, since Telegram would only send it again.</summary>
internal static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        WebhookQueue queue,
        IOptions<TelegramOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        var log = loggers.CreateLogger(typeof(TelegramWebhookEndpoint).FullName!);
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret);
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            log.LogWarning("A Telegram webhook request without the right secret token was refused.");
            return TypedResults.Unauthorized();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            log.LogWarning("A Telegram webhook body of {Length} bytes was too large; skipped.", context.Request.ContentLength);
            return TypedResults.Ok();
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            log.LogWarning("Skipped a Telegram webhook body that is not JSON ({Length} bytes).", context.Request.ContentLength);
            return TypedResults.Ok();
        }

        Task<WebhookOutcome> outcome;
        long updateId;
        using (document)
        {
            if (!UpdateParser.TryParse(document.RootElement, out var update, out var id))
            {
                log.LogWarning("Skipped malformed Telegram update {UpdateId} ({Length} bytes).", id, context.Request.ContentLength);
                return TypedResults.Ok();
            }

            updateId = update!.Id;
            outcome = queue.AcceptAsync(update);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            if (await outcome.WaitAsync(options.Value.WebhookAckTimeout, time, stop.Token) == WebhookOutcome.Handled)
            {
                return TypedResults.Ok();
            }

            return TypedResults.StatusCode(StatusCodes.Status500InternalServerError);
        }
        catch (TimeoutException)
        {
            log.LogInformation("Telegram update {UpdateId} is still being handled; Telegram is asked to send it again.", updateId);
        }
        catch (OperationCanceledException)
        {
        }

        return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
