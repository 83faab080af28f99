using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>The webhook: only a POST carrying our secret in <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in
/// constant time) is accepted; the update is queued and 200 goes back at once. A malformed body is logged (its
/// size, never its content) and acknowledged, since Telegram would only send it again.</summary>
internal static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context, WebhookQueue queue, IOptions<TelegramOptions> options, ILoggerFactory loggers)
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

        using (document)
        {
            if (!UpdateParser.TryParse(document.RootElement, out var update, out var id))
            {
                log.LogWarning("Skipped malformed Telegram update {UpdateId} ({Length} bytes).", id, context.Request.ContentLength);
                return TypedResults.Ok();
            }

            if (!queue.TryEnqueue(update!))
            {
                log.LogDebug("Telegram redelivered update {UpdateId}; it is handled once.", id);
            }
        }

        return TypedResults.Ok();
    }
}
