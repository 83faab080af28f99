using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Starts the channel and receives updates. Start-up: the texts are checked (a missing one stops the host,
/// naming it), getMe says who the bot is, and the log says what the channel does. Then either long polling, with
/// the offset stored after each update's turn is stored (so a restart neither loses nor repeats one; Telegram drops
/// an update only when the next getUpdates carries a higher offset), or the webhook: setWebhook, then a worker that
/// handles what the endpoint queued and tells the waiting request how it went. Updates are handled one at a time, in
/// order. A passing failure (the store, the network, Telegram's 429/5xx) never skips an update; any other failure
/// skips it after <see cref="WebhookQueue.AttemptsPerUpdate"/> tries, so one unusable update cannot stop the bot.
/// Errors back off from 1 s to 60 s with jitter.
/// <para>Polling is our own loop around the library's getUpdates request, not its receiver (<c>ReceiveAsync</c> /
/// <c>StartReceiving</c>), because the receiver cannot keep our rule that an update is confirmed only after its turn
/// is stored: it moves the offset past an update before handling it and goes on after a handler's failure (that
/// update is then confirmed by the next poll and lost), keeps the offset only in memory (a restart starts from
/// whatever Telegram still holds), reads a whole batch as <c>Update[]</c> (one update it cannot read fails every poll
/// and the bot stops for everyone), polls again at once after an error, and takes its long-poll seconds from the
/// HttpClient's timeout. Ours stores the offset after each stored turn, reads updates one by one, and backs off.</para></summary>
internal sealed class TelegramReceiverService : BackgroundService
{
    public const string OffsetCursor = "telegram.offset";
    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];

    private readonly TelegramApiClient _client;
    private readonly TelegramUpdateHandler _handler;
    private readonly IChannelStateStore _state;
    private readonly WebhookQueue _webhookQueue;
    private readonly BotIdentity _identity;
    private readonly DialogCatalog _catalog;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramReceiverService> _log;

    public TelegramReceiverService(
        TelegramApiClient client,
        TelegramUpdateHandler handler,
        IChannelStateStore state,
        WebhookQueue webhookQueue,
        BotIdentity identity,
        DialogCatalog catalog,
        IOptions<TelegramOptions> options,
        TimeProvider time,
        ILogger<TelegramReceiverService> log)
    {
        _client = client;
        _handler = handler;
        _state = state;
        _webhookQueue = webhookQueue;
        _identity = identity;
        _catalog = catalog;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        TelegramTexts.Check(_catalog);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>1 s, 2 s, 4 s … 60 s, each with up to 25 % jitter.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Max(0, failures - 1))) * (1 + (Random.Shared.NextDouble() / 4)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var me = await RetryAsync("getMe", ct => _client.GetMe(ct), stoppingToken);
            _identity.Id = me.Id;
            _identity.Username = me.Username;
            _log.LogInformation(
                "Telegram channel started as @{Username} ({Name}) in {Mode} mode; agent group: {AgentChat}.",
                me.Username, me.FirstName, _options.Mode,
                _options.AgentChatId?.ToString(CultureInfo.InvariantCulture) ?? "none");

            if (_options.Mode == TelegramMode.Webhook)
            {
                await RetryAsync(
                    "setWebhook",
                    ct => _client.SetWebhook(
                        _options.WebhookUrl!.ToString(), allowedUpdates: AllowedUpdates, secretToken: _options.WebhookSecret,
                        cancellationToken: ct),
                    stoppingToken);
                _log.LogInformation("Telegram webhook set to {Url}; updates arrive at {Path}.", _options.WebhookUrl, _options.WebhookPath);
                await foreach (var pending in _webhookQueue.Reader.ReadAllAsync(stoppingToken))
                {
                    await HandleWebhookUpdateAsync(pending, stoppingToken);
                }
            }
            else
            {
                await PollAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var stored = await RetryAsync("reading the stored offset", c => _state.GetCursorAsync(OffsetCursor, c), ct);
        int? offset = int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            JsonElement[] updates;
            try
            {
                updates = await _client.SendRequest(
                    new GetUpdatesAsJsonRequest(new GetUpdatesRequest
                    {
                        Offset = offset,
                        Timeout = _options.PollTimeoutSeconds,
                        AllowedUpdates = AllowedUpdates,
                    }),
                    ct);
                failures = 0;
            }
            catch (RequestException ex)
            {
                failures++;
                var wait = ReportPollFailure(ex, failures);
                await Task.Delay(wait, _time, ct);
                continue;
            }

            foreach (var json in updates)
            {
                var parsed = UpdateParser.TryParse(json, out var update, out var id);
                if (id is null)
                {
                    // No id, no offset to move past it; the next good update's offset confirms it.
                    _log.LogWarning("Skipped a malformed Telegram update without an update_id ({Length} bytes).", json.GetRawText().Length);
                    continue;
                }

                if (offset is { } next && id < next)
                {
                    continue;
                }

                if (parsed)
                {
                    await HandleWithRetriesAsync(update!, ct);
                }
                else
                {
                    _log.LogWarning("Skipped malformed Telegram update {UpdateId} ({Length} bytes).", id, json.GetRawText().Length);
                }

                offset = (int)id + 1;
                var toStore = offset.Value.ToString(CultureInfo.InvariantCulture);
                await RetryAsync("storing the offset", c => _state.SetCursorAsync(OffsetCursor, toStore, c), ct);
            }
        }
    }

    private TimeSpan ReportPollFailure(Exception ex, int failures)
    {
        var wait = Backoff(failures);
        switch (ex)
        {
            case ApiRequestException { ErrorCode: 409 } api:
                _log.LogError(
                    "Telegram refused getUpdates with 409 Conflict ({Description}): a webhook is set for this bot, or another "
                    + "instance is polling with the same token. Stop the other instance, or set Telegram:Mode to Webhook "
                    + "(or call deleteWebhook). Retrying in {Seconds:0} s.",
                    api.Message, wait.TotalSeconds);
                break;
            case ApiRequestException { ErrorCode: 401 or 404 }:
                _log.LogError("Telegram rejected the bot token (Telegram:BotToken); check it with @BotFather. Retrying in {Seconds:0} s.", wait.TotalSeconds);
                break;
            case ApiRequestException { Parameters.RetryAfter: { } after }:
                wait = TimeSpan.FromSeconds(after);
                _log.LogWarning("Telegram asked to wait {Seconds:0} s before polling again.", after);
                break;
            default:
                _log.LogWarning("Polling Telegram failed ({Failure}); retrying in {Seconds:0.#} s.",
                    ex is ApiRequestException a ? a.ErrorCode.ToString(CultureInfo.InvariantCulture) : ex.Message, wait.TotalSeconds);
                break;
        }

        return wait;
    }

    /// <summary>Polling: handles the update until it is stored. Passing failures are retried as long as it takes
    /// (Telegram keeps the update meanwhile); other failures at most <see cref="WebhookQueue.AttemptsPerUpdate"/> times.</summary>
    private async Task HandleWithRetriesAsync(Update update, CancellationToken ct)
    {
        var failures = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _handler.HandleAsync(update, ct);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The type only: an exception from deep inside may quote what the user wrote.
                var passing = IsPassing(ex);
                if (!passing && ++failures >= WebhookQueue.AttemptsPerUpdate)
                {
                    _log.LogError("Telegram update {UpdateId} failed {Attempts} times ({Type}); skipped.",
                        update.Id, attempt, ex.GetType().Name);
                    return;
                }

                var wait = ex is ApiRequestException { Parameters.RetryAfter: { } after } ? TimeSpan.FromSeconds(after) : Backoff(attempt);
                _log.Log(
                    attempt == 1 ? LogLevel.Warning : LogLevel.Error,
                    "Telegram update {UpdateId} failed ({Type}{Passing}); it stays unconfirmed and is tried again in {Seconds:0.#} s.",
                    update.Id, ex.GetType().Name, passing ? ", passing" : "", wait.TotalSeconds);
                await Task.Delay(wait, _time, ct);
            }
        }
    }

    /// <summary>Webhook: one try; the waiting request answers 200 only when it worked, otherwise Telegram sends the
    /// update again (its redelivery is the retry).</summary>
    private async Task HandleWebhookUpdateAsync(WebhookQueue.Pending pending, CancellationToken ct)
    {
        try
        {
            await _handler.HandleAsync(pending.Update, ct);
            _webhookQueue.Handled(pending);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (_webhookQueue.Failed(pending, IsPassing(ex)))
            {
                _log.LogError("Telegram update {UpdateId} failed {Attempts} times ({Type}); skipped.",
                    pending.Update.Id, WebhookQueue.AttemptsPerUpdate, ex.GetType().Name);
            }
            else
            {
                _log.LogWarning("Telegram update {UpdateId} failed ({Type}); Telegram is asked to send it again.",
                    pending.Update.Id, ex.GetType().Name);
            }
        }
        catch (OperationCanceledException)
        {
            _webhookQueue.Failed(pending, passing: true);
            throw;
        }
    }

    /// <summary>A failure that goes away by itself: the store or the network, or Telegram asking us to slow down.</summary>
    private static bool IsPassing(Exception ex) => ex is ApiRequestException api
        ? api.ErrorCode is 429 or >= 500
        : ex is UpdateNotStoredException or RequestException or System.Data.Common.DbException or IOException or TimeoutException;

    private async Task<T> RetryAsync<T>(string what, Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await action(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var wait = Backoff(failures);
                if (ex is ApiRequestException { ErrorCode: 401 or 404 })
                {
                    // Telegram answers an unknown token with 401 (and a malformed one with 404).
                    _log.LogError("Telegram rejected the bot token (Telegram:BotToken) at {What}; check it with @BotFather. Retrying in {Seconds:0} s.",
                        what, wait.TotalSeconds);
                }
                else
                {
                    _log.LogWarning("Telegram channel: {What} failed ({Failure}); retrying in {Seconds:0.#} s.",
                        what, Describe(ex), wait.TotalSeconds);
                }

                await Task.Delay(wait, _time, ct);
            }
        }
    }

    // The Bot API's failures carry no token (TelegramApiClient words them) and no user text, so their words may be
    // logged; anything else only by type.
    private static string Describe(Exception ex) => ex switch
    {
        ApiRequestException api => api.ErrorCode.ToString(CultureInfo.InvariantCulture) + " " + api.Message,
        RequestException request => request.Message,
        _ => ex.GetType().Name,
    };

    private async Task RetryAsync(string what, Func<CancellationToken, Task> action, CancellationToken ct) =>
        await RetryAsync<bool>(what, async c =>
        {
            await action(c);
            return true;
        }, ct);
}
