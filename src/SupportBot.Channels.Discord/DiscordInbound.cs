using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Staff;
using SupportBot.Channels.Discord.Wire;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Discord;

/// <summary>The inbound half: turns gateway dispatches into activities for the router (DMs), answers interactions
/// (buttons, <c>/support</c>, staff commands) within Discord's 3 seconds, and hands ticket-thread messages to the
/// staff side. Unknown events are ignored; a malformed one is logged without its content and skipped. Work runs on a
/// few queues keyed by channel, so one conversation's messages keep their order.</summary>
internal sealed class DiscordInbound
{
    private const int Lanes = 8;
    private const int Ephemeral = 64;

    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly DiscordChannelClient _client;
    private readonly ConversationRouter _router;
    private readonly DialogEngine _engine;
    private readonly IConversationStore _conversations;
    private readonly ISecretScanner _scanner;
    private readonly DialogCatalog _catalog;
    private readonly StaffThreads? _staff;
    private readonly FloodGate _flood;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<Func<CancellationToken, Task>>[] _lanes;
    private readonly Dictionary<string, string> _locales = new(StringComparer.Ordinal);

    public DiscordInbound(
        DiscordOptions options,
        DiscordRestClient rest,
        DiscordChannelClient client,
        ConversationRouter router,
        DialogEngine engine,
        IConversationStore conversations,
        ISecretScanner scanner,
        DialogCatalog catalog,
        StaffThreads? staff,
        TimeProvider time,
        ILogger<DiscordInbound> log)
    {
        _options = options;
        _rest = rest;
        _client = client;
        _router = router;
        _engine = engine;
        _conversations = conversations;
        _scanner = scanner;
        _catalog = catalog;
        _staff = staff;
        _time = time;
        _log = log;
        _flood = new FloodGate(options.FloodLimit, options.FloodWindow, time);
        _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateUnbounded<Func<CancellationToken, Task>>(
            new UnboundedChannelOptions { SingleReader = true }))];
    }

    /// <summary>The bot's own user id (from READY).</summary>
    public string? BotUserId { get; set; }

    /// <summary>The application id (configured, or from READY).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Raised when a queued piece of work finished (tests wait on it).</summary>
    public event Action? WorkDone;

    /// <summary>Runs the queues until <paramref name="ct"/> fires.</summary>
    public Task RunAsync(CancellationToken ct) => Task.WhenAll(_lanes.Select(lane => RunLaneAsync(lane.Reader, ct)));

    /// <summary>Takes one dispatch from the gateway; returns at once.</summary>
    public void Accept(string eventName, JsonElement body)
    {
        try
        {
            switch (eventName)
            {
                case "MESSAGE_CREATE":
                    var message = body.Deserialize(DiscordJsonContext.Default.DiscordMessage);
                    if (message is null || string.IsNullOrEmpty(message.Id) || string.IsNullOrEmpty(message.ChannelId)
                        || string.IsNullOrEmpty(message.Author?.Id))
                    {
                        // Deserialization leaves a missing required field null; such a message cannot be answered.
                        Malformed(eventName);
                        return;
                    }

                    if (message.Author.Bot == true || message.Author.Id == BotUserId)
                    {
                        return;
                    }

                    Enqueue(message.ChannelId, ct => OnMessageAsync(message, ct));
                    break;
                case "MESSAGE_UPDATE":
                    var edited = body.Deserialize(DiscordJsonContext.Default.DiscordMessage);
                    // Updates without content or author are Discord's own (a link preview added): nothing was typed.
                    if (edited is null || string.IsNullOrEmpty(edited.Id) || string.IsNullOrEmpty(edited.ChannelId)
                        || string.IsNullOrEmpty(edited.Author?.Id) || string.IsNullOrEmpty(edited.Content)
                        || edited.Author.Bot == true || edited.Author.Id == BotUserId)
                    {
                        return;
                    }

                    Enqueue(edited.ChannelId, ct => OnEditAsync(edited, ct));
                    break;
                case "INTERACTION_CREATE":
                    var interaction = body.Deserialize(DiscordJsonContext.Default.Interaction);
                    if (interaction is null || string.IsNullOrEmpty(interaction.Id) || string.IsNullOrEmpty(interaction.Token))
                    {
                        Malformed(eventName);
                        return;
                    }

                    _ = OnInteractionAsync(interaction);
                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            Malformed(eventName);
        }
    }

    // Never the payload: it holds what a user typed.
    private void Malformed(string eventName) => _log.LogWarning("Discord: skipped a malformed {Event} payload.", eventName);

    private void Enqueue(string key, Func<CancellationToken, Task> work)
    {
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Lanes);
        _lanes[lane].Writer.TryWrite(work);
    }

    private async Task RunLaneAsync(ChannelReader<Func<CancellationToken, Task>> reader, CancellationToken ct)
    {
        await foreach (var work in reader.ReadAllAsync(ct))
        {
            try
            {
                await work(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _log.LogWarning("Discord: handling an event failed ({Failure}).", ex.GetType().Name);
            }
            finally
            {
                WorkDone?.Invoke();
            }
        }
    }

    private async Task OnMessageAsync(DiscordMessage message, CancellationToken ct)
    {
        if (message.GuildId is null)
        {
            await OnDirectMessageAsync(message, ct);
            return;
        }

        if (_staff is not null && await _staff.TicketOfThreadAsync(message.ChannelId, ct) is { } ticket)
        {
            await _staff.OnThreadMessageAsync(message, ticket, ct);
            return;
        }

        await OnGuildMessageAsync(message, ct);
    }

    /// <summary>A user edited a message. In a DM the new text goes through the router like a new message (the edit
    /// time makes it a message of its own), so the guard reads it with the conversation's context: a seed phrase added
    /// by editing is caught, a TXID given where the bot asked for one stays a TXID. In a server channel an edit that
    /// adds a secret is taken down like a new message. Edits in staff threads are ignored (an agent's edited message
    /// must not reach the user twice).</summary>
    private async Task OnEditAsync(DiscordMessage message, CancellationToken ct)
    {
        if (message.GuildId is not null)
        {
            if (_staff is null || await _staff.TicketOfThreadAsync(message.ChannelId, ct) is null)
            {
                await TakeDownSecretAsync(message, ct);
            }

            return;
        }

        var key = new ConversationKey(DiscordChannelClient.Name, message.ChannelId);
        if (await _conversations.LoadAsync(key, ct) is null)
        {
            return; // an edit of a message from before the bot's time: nothing to answer
        }

        await RouteAsync(new InboundActivity
        {
            Conversation = key,
            UserId = message.Author.Id,
            UserName = message.Author.GlobalName ?? message.Author.Username,
            MessageId = message.Id + "/edited/" + (message.EditedTimestamp ?? _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            Text = message.Content ?? "",
            Locale = LocaleOf(message.ChannelId),
            Timestamp = _time.GetUtcNow(),
        }, ct);
    }

    private async Task OnDirectMessageAsync(DiscordMessage message, CancellationToken ct)
    {
        _client.NoteDmChannel(message.ChannelId);
        var key = new ConversationKey(DiscordChannelClient.Name, message.ChannelId);
        var activity = new InboundActivity
        {
            Conversation = key,
            UserId = message.Author.Id,
            UserName = message.Author.GlobalName ?? message.Author.Username,
            MessageId = message.Id,
            Text = message.Content ?? "",
            Locale = LocaleOf(message.ChannelId),
            Timestamp = _time.GetUtcNow(),
        };
        if (!_flood.Allow(message.Author.Id, out var warn))
        {
            if (warn)
            {
                await SendTextAsync(message.ChannelId, DiscordTexts.Flood, _engine.LocaleOf(activity), ct);
            }

            return;
        }

        if (await _conversations.LoadAsync(key, ct) is null)
        {
            // The anti-impersonation promise comes first in every conversation the user starts. A failure here must
            // not lose the message: the replies go through the outbox, which retries and marks an unreachable user.
            try
            {
                await SendTextAsync(message.ChannelId, DiscordTexts.Promise, _engine.LocaleOf(activity), ct);
            }
            catch (Exception ex) when (ex is DiscordApiException or DiscordRequestException)
            {
                _log.LogWarning("Discord: the first message could not be sent ({Failure}).", ex.Message);
            }
        }

        if (message.Attachments is { Count: > 0 })
        {
            // Reading a screenshot for secrets takes a second or more: the user sees "typing" meanwhile.
            await TypingAsync(message.ChannelId, ct);
        }

        activity = activity with { Attachments = await DownloadAsync(message.Attachments, ct) };
        await RouteAsync(activity, ct);
    }

    /// <summary>Shows the bot typing in <paramref name="channelId"/> (Discord shows it for 10 s or until the bot's next
    /// message). Only a courtesy: a failure is logged and the message goes on.</summary>
    private async Task TypingAsync(string channelId, CancellationToken ct)
    {
        try
        {
            await _rest.SendAsync(DiscordRoute.TriggerTyping(channelId), null, DiscordJsonContext.Default.NoBody, ct);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRequestException)
        {
            _log.LogDebug("Discord: the typing indicator could not be shown ({Failure}).", ex.Message);
        }
    }

    private async Task OnGuildMessageAsync(DiscordMessage message, CancellationToken ct)
    {
        var text = message.Content ?? "";
        if (await TakeDownSecretAsync(message, ct))
        {
            return;
        }

        if (BotUserId is not null && message.Mentions?.Any(u => u.Id == BotUserId) == true)
        {
            await SendTextAsync(message.ChannelId, DiscordTexts.UseSupport, ReplyRenderer.GuessLocale(text), ct);
        }
    }

    /// <summary>A secret posted in a public channel: takes it down and warns everyone reading; false when it held none.</summary>
    private async Task<bool> TakeDownSecretAsync(DiscordMessage message, CancellationToken ct)
    {
        var text = message.Content ?? "";
        if (text.Length == 0 || !_scanner.Scan(text, ScanContext.None).HasSecrets)
        {
            return false;
        }

        var outcome = await _client.DeleteMessageAsync(new ConversationKey(DiscordChannelClient.Name, message.ChannelId), message.Id, ct);
        _log.LogWarning("Discord: a guild message held a secret ({Outcome}).", outcome);
        await SendTextAsync(message.ChannelId, DiscordTexts.SecretDeleted, ReplyRenderer.GuessLocale(text), ct, ("user", "<@" + message.Author.Id + ">"));
        return true;
    }

    private async Task OnInteractionAsync(Interaction interaction)
    {
        try
        {
            var locale = Locales.FromHint(interaction.Locale) ?? _engine.LocaleOf(new InboundActivity
            {
                Conversation = new ConversationKey(DiscordChannelClient.Name, ""),
                UserId = "",
            });
            var channel = interaction.ChannelId ?? interaction.Channel?.Id ?? "";
            switch (interaction.Type)
            {
                case 3 when interaction.Data?.CustomId is { } customId:
                    // Answer at once (within 3 s): the same message with its buttons disabled.
                    var rows = ReplyRenderer.Disable(interaction.Message?.Components, customId);
                    await CallbackAsync(interaction, new InteractionCallback(7, new InteractionCallbackData(Components: rows)));
                    Remember(channel, locale);
                    var (value, label) = ReplyRenderer.ReadClick(customId, interaction.Message?.Components);
                    Enqueue(channel, ct => OnClickAsync(interaction, channel, value, label, ct));
                    break;
                case 2 when interaction.Data?.Name == DiscordCommands.Support:
                    await CallbackAsync(interaction, new InteractionCallback(5, new InteractionCallbackData(Flags: Ephemeral)));
                    Remember(channel, locale);
                    Enqueue(channel, ct => OnSupportAsync(interaction, locale, ct));
                    break;
                case 2 when interaction.Data?.Name is { } name && _staff is not null:
                    var quiet = name is DiscordCommands.Note or DiscordCommands.Agent;
                    await CallbackAsync(interaction, new InteractionCallback(5, new InteractionCallbackData(Flags: quiet ? Ephemeral : null)));
                    Enqueue(channel, async ct => await EditOriginalAsync(interaction, await _staff.OnCommandAsync(interaction, ct), ct));
                    break;
            }
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRequestException)
        {
            _log.LogWarning("Discord: an interaction could not be answered ({Failure}).", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nobody awaits this task: log (the type only, the message may quote the payload) instead of losing it.
            _log.LogWarning("Discord: handling an interaction failed ({Failure}).", ex.GetType().Name);
        }
    }

    private async Task OnClickAsync(Interaction interaction, string channel, string? value, string? label, CancellationToken ct)
    {
        var user = interaction.User ?? interaction.Member?.User;
        if (user is null)
        {
            return;
        }

        if (interaction.GuildId is null)
        {
            _client.NoteDmChannel(channel);
        }

        await RouteAsync(
            new InboundActivity
            {
                Conversation = new ConversationKey(DiscordChannelClient.Name, channel),
                UserId = user.Id,
                UserName = user.GlobalName ?? user.Username,
                MessageId = "i" + interaction.Id,
                Text = value is null ? label ?? "" : "",
                ChoiceValue = value,
                Locale = LocaleOf(channel),
                Timestamp = _time.GetUtcNow(),
            },
            ct);
    }

    private async Task OnSupportAsync(Interaction interaction, string locale, CancellationToken ct)
    {
        var user = interaction.Member?.User ?? interaction.User;
        if (user is null)
        {
            return;
        }

        string dm;
        if (interaction.GuildId is null)
        {
            dm = interaction.ChannelId ?? interaction.Channel?.Id ?? "";
            await EditOriginalAsync(interaction, Text(DiscordTexts.SupportInDm, locale), ct);
        }
        else
        {
            try
            {
                var channel = await _rest.SendAsync(
                    DiscordRoute.OpenDm(),
                    new DmCreate(user.Id),
                    DiscordJsonContext.Default.DmCreate,
                    DiscordJsonContext.Default.DiscordChannel,
                    ct);
                dm = channel.Id;
                await SendTextAsync(dm, DiscordTexts.Promise, locale, ct);
            }
            catch (DiscordApiException ex) when (ex.CannotMessageUser)
            {
                await EditOriginalAsync(interaction, Text(DiscordTexts.DmClosed, locale), ct);
                return;
            }

            await EditOriginalAsync(interaction, Text(DiscordTexts.DmOpened, locale), ct);
        }

        _client.NoteDmChannel(dm);
        Remember(dm, locale);
        var key = new ConversationKey(DiscordChannelClient.Name, dm);
        if (await _conversations.LoadAsync(key, ct) is null)
        {
            await RouteAsync(
                new InboundActivity
                {
                    Conversation = key,
                    UserId = user.Id,
                    UserName = user.GlobalName ?? user.Username,
                    MessageId = "s" + interaction.Id,
                    Locale = locale,
                    Timestamp = _time.GetUtcNow(),
                },
                ct);
        }
    }

    private async Task RouteAsync(InboundActivity activity, CancellationToken ct)
    {
        var result = await _router.HandleAsync(activity, ct);
        if (result.Status == RouteStatus.StoreUnavailable)
        {
            // Not in the outbox: say it now.
            foreach (var reply in result.Replies)
            {
                await _client.SendReplyAsync(activity.Conversation.Id, reply, null, ct);
            }

            return;
        }

        if (result.Status == RouteStatus.Processed && _staff is not null)
        {
            await _staff.AfterUserTurnAsync(activity.Conversation, activity.UserId, result.TicketNumber, ct);
        }
    }

    private async Task<IReadOnlyList<Attachment>> DownloadAsync(IReadOnlyList<DiscordAttachment>? attachments, CancellationToken ct)
    {
        if (attachments is null || attachments.Count == 0)
        {
            return [];
        }

        var list = new List<Attachment>(attachments.Count);
        foreach (var a in attachments)
        {
            var attachment = new Attachment(a.Filename, a.ContentType ?? "application/octet-stream", a.Size);
            if (a.Size <= _options.MaxAttachmentBytes
                && await _rest.DownloadAsync(a.Url, _options.MaxAttachmentBytes, ct) is { } bytes)
            {
                attachment = attachment with { Content = bytes };
            }

            list.Add(attachment);
        }

        return list;
    }

    private Task CallbackAsync(Interaction interaction, InteractionCallback callback) =>
        _rest.SendAsync(
            DiscordRoute.InteractionCallback(interaction.Id, interaction.Token),
            callback,
            DiscordJsonContext.Default.InteractionCallback,
            CancellationToken.None);

    private async Task EditOriginalAsync(Interaction interaction, string text, CancellationToken ct)
    {
        var application = interaction.ApplicationId ?? ApplicationId ?? "";
        await _rest.SendAsync(
            DiscordRoute.EditOriginal(application, interaction.Token),
            new MessageEdit(DiscordMarkdown.Split(text)[0], AllowedMentions: AllowedMentions.None),
            DiscordJsonContext.Default.MessageEdit,
            ct);
    }

    private async Task SendTextAsync(string channel, string key, string locale, CancellationToken ct, params (string Name, string Value)[] args) =>
        await _rest.SendAsync(
            DiscordRoute.CreateMessage(channel),
            new MessageCreate(_catalog.Text(key).Format(locale, args), AllowedMentions: AllowedMentions.None),
            DiscordJsonContext.Default.MessageCreate,
            DiscordJsonContext.Default.CreatedMessage,
            ct);

    private string Text(string key, string locale) => _catalog.Text(key).Get(locale);

    private void Remember(string channel, string locale)
    {
        lock (_locales)
        {
            _locales[channel] = locale;
        }
    }

    private string? LocaleOf(string channel)
    {
        lock (_locales)
        {
            return _locales.TryGetValue(channel, out var locale) ? locale : null;
        }
    }
}
