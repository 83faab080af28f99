using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>Takes one user activity from the page: routes a message through the <see cref="ConversationRouter"/>
/// (which stores it durably before anything else), then appends the echo with <c>channelData.clientActivityID</c>
/// kept when it has the shape of an id and holds no secret (Web Chat marks a message sent only when it sees it; the
/// bot's store gets a hash of it as the message id). A retried post (same clientActivityID) gets the id of
/// its first echo. While the bot works the page gets a typing activity. When the turn's replies are all that the
/// conversation has waiting in the outbox, they are written with the echo, in one write and one frame, instead of
/// waiting for the delivery loop (which then finds them in the log by outbox id, does not send them twice and marks
/// them delivered); when older messages wait too, the loop sends them all in order. When the store is down the router's reply goes into the
/// log directly, not through the outbox.</summary>
public sealed class ActivityIntake
{
    /// <summary>The event a page sends when it opens the chat (the name Microsoft's Web Chat samples use).</summary>
    public const string JoinEventName = "webchat/join";

    private readonly ConversationRouter _router;
    private readonly DialogEngine _engine;
    private readonly SafetyGuard _guard;
    private readonly ReplyAppender _appender;
    private readonly PendingRedactions _redactions;
    private readonly IOutboxStore _outbox;
    private readonly TimeProvider _time;
    private readonly FieldGuard _fields;

    /// <summary>Creates the intake.</summary>
    public ActivityIntake(
        ConversationRouter router, DialogEngine engine, SafetyGuard guard, ReplyAppender appender,
        PendingRedactions redactions, IOutboxStore outbox, TimeProvider time, FieldGuard fields)
    {
        _fields = fields;
        _outbox = outbox;
        _router = router;
        _engine = engine;
        _guard = guard;
        _appender = appender;
        _redactions = redactions;
        _time = time;
    }

    /// <summary>Handles <paramref name="posted"/> (the allow-listed fields of what the page sent) from
    /// <paramref name="userId"/>; returns the activity's id. <paramref name="upload"/> is what became of the uploaded
    /// files, if any: the echo's attachments, the files for the dialog, and notices appended after the turn.</summary>
    public async Task<string> PostAsync(
        ConversationLog log, PostedActivity posted, string userId, UploadKeeper.Outcome? upload = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(posted);
        var now = _time.GetUtcNow();
        if (posted.Type == "typing")
        {
            // The user's typing is not kept or routed; Web Chat only wants an id back.
            return log.Id + "|typing";
        }

        // Every string kept besides the text is scanned here, before anything is stored: an id or a name holding
        // a secret is dropped, a display text is redacted. The text itself goes through the router's guard.
        var fieldLocale = Locales.FromHint(posted.Locale ?? log.Locale) ?? Locales.Supported.English;
        var clientId = posted.ClientActivityId is { } cid && _fields.IsClean(cid) ? cid : null;
        posted = posted with
        {
            ClientActivityId = clientId,
            Name = posted.Name is { } name && _fields.IsClean(name) ? name : null,
        };
        var displayText = posted.DisplayText is { } shown ? _fields.Redact(shown, fieldLocale) : null;

        var clientKey = clientId is null ? null : ClientActivityIds.MessageId(log.Id, clientId);
        // The database keeps neither client-chosen identifier: only the page that sent them needs them back, live.
        var stored = posted with { ClientActivityId = null, Name = null };
        await log.Gate.WaitAsync();
        try
        {
            if (clientKey is not null && log.FindByClientActivityId(clientKey) is { } earlier)
            {
                return earlier;
            }

            var text = posted.Text;
            if (posted.Locale is not null)
            {
                log.Locale = posted.Locale;
            }

            if (posted.Type == "event" && posted.Name == JoinEventName)
            {
                await GreetAsync(log, userId, posted.Locale, now);
            }

            if (posted.Type != "message")
            {
                // Events (a page's own signals) are echoed like Direct Line does; only the join greets.
                return await _appender.AppendEchoAsync(
                    log, (id, forDatabase) => ActivityJson.Echo(forDatabase ? stored : posted, log.Id, id, userId, null, null, null, now),
                    clientKey);
            }

            var messageId = clientKey ?? Guid.NewGuid().ToString("N");
            var inbound = new InboundActivity
            {
                Conversation = new ConversationKey(WebChatChannelClient.Name, log.Id),
                UserId = userId,
                MessageId = messageId,
                Text = text,
                ChoiceValue = ChoiceValue(log.OfferedChoices, text, posted.ChoiceValue),
                Attachments = upload?.Attachments ?? [],
                Locale = posted.Locale,
                Timestamp = now,
            };

            _appender.Typing(log);
            _redactions.Begin(log.Id, messageId);
            RouteResult result;
            bool flagged;
            try
            {
                // Not cancellable: once the turn starts it must finish, or the message would be half taken.
                result = await _router.HandleAsync(inbound, CancellationToken.None);
            }
            finally
            {
                flagged = _redactions.End(log.Id, messageId);
            }

            // The echo carries what may be stored: unchanged when the guard found nothing; redacted when it found a
            // secret, and also when the turn did not run this time (a redelivery, a store failure), to be safe.
            var echoText = flagged || result.Status != RouteStatus.Processed ? Redact(inbound, flagged) : text;
            var ready = result.Status == RouteStatus.Processed && result.Replies.Count > 0
                ? await ReadyRepliesAsync(log, result.Replies, now)
                : [];
            // The files are written only once the router has read them and found no secret (a screenshot of a seed
            // phrase must not reach the database either); a message whose secret is being taken down keeps none.
            var keep = !flagged && result.Status == RouteStatus.Processed;
            if (upload is not null)
            {
                await upload.SettleAsync(keep);
            }

            var wire = keep && upload is { Wire.Count: > 0 } ? upload.Wire : null;
            var id = await _appender.AppendTurnAsync(
                log,
                (id, forDatabase) => ActivityJson.Echo(forDatabase ? stored : posted, log.Id, id, userId, echoText, displayText, wire, now),
                clientKey,
                ready);
            MarkDelivered(ready, now);
            if (result.Status == RouteStatus.StoreUnavailable)
            {
                foreach (var reply in result.Replies)
                {
                    await _appender.AppendAsync(log, reply, outboxId: null);
                }
            }

            foreach (var notice in upload?.Notices ?? [])
            {
                await _appender.AppendAsync(log, BotReply.Plain(notice), outboxId: null);
            }

            return id;
        }
        finally
        {
            log.Gate.Release();
        }
    }

    /// <summary>Opens the conversation for the bot: the greeting, the never-share warning and the menu go out through
    /// the outbox before the user types (nothing when the bot has spoken in this conversation before), in the page's
    /// language (the event's locale, or its <c>value.language</c>).</summary>
    private async Task GreetAsync(ConversationLog log, string userId, string? locale, DateTimeOffset now)
    {
        var join = new InboundActivity
        {
            Conversation = new ConversationKey(WebChatChannelClient.Name, log.Id),
            UserId = userId,
            MessageId = JoinEventName,
            Locale = locale ?? log.Locale,
            OpensConversation = true,
            Timestamp = now,
        };

        // A store failure here only costs the greeting: the user's first message starts the conversation instead.
        await _router.HandleAsync(join, CancellationToken.None);
    }

    /// <summary>The choice the user picked: a posted value naming an offered choice (postBack, messageBack, or
    /// <c>{"choice": "…"}</c>), or text equal to an offered title (Web Chat's imBack posts the title).</summary>
    public static string? ChoiceValue(IReadOnlyList<ChoiceOption> offered, string text, string? posted)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(text);
        if (posted is not null)
        {
            foreach (var option in offered)
            {
                if (option.Value == posted)
                {
                    return option.Value;
                }
            }
        }

        var typed = text.Trim();
        foreach (var option in offered)
        {
            if (string.Equals(option.Title.Trim(), typed, StringComparison.OrdinalIgnoreCase))
            {
                return option.Value;
            }
        }

        return null;
    }

    /// <summary>The turn's replies as outbox messages, when they are all the conversation has undelivered apart from
    /// what the log already holds (replies sent this way that the loop has not marked yet). The log's gate is held, so
    /// none of this turn's replies can have been delivered yet; anything else waiting is older or from an agent and
    /// must go first, so then none. The ids come in commit order, which is the replies' order. A failed read only
    /// means the loop delivers them.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ReadyRepliesAsync(
        ConversationLog log, IReadOnlyList<BotReply> replies, DateTimeOffset at)
    {
        var key = new ConversationKey(WebChatChannelClient.Name, log.Id);
        IReadOnlyList<long> ids;
        try
        {
            ids = await _outbox.UndeliveredIdsAsync(key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [];
        }

        var ready = new List<OutboxMessage>(replies.Count);
        foreach (var id in ids)
        {
            if (log.HasOutboxMessage(id))
            {
                continue;
            }

            if (ready.Count == replies.Count)
            {
                return [];
            }

            ready.Add(new OutboxMessage(id, key, replies[ready.Count], at));
        }

        return ready.Count == replies.Count ? ready : [];
    }

    /// <summary>Marks replies sent with the echo delivered, so the loop need not; not awaited by the request (if it
    /// fails, the loop finds them in the log and marks them itself).</summary>
    private void MarkDelivered(IReadOnlyList<OutboxMessage> sent, DateTimeOffset at)
    {
        foreach (var message in sent)
        {
            Task marking;
            try
            {
                marking = _outbox.MarkDeliveredAsync(message.Id, at, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return; // the store is closing (host shutdown): the loop marks them after the restart
            }

            _ = marking.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private string Redact(InboundActivity inbound, bool guardFoundSecret)
    {
        if (inbound.Text.Length == 0)
        {
            return "";
        }

        var locale = _engine.LocaleOf(inbound);
        var strict = _guard.Inspect(inbound.Text, new ScanContext(ExpectingTransactionId: false, CodeRecentlyMentioned: true), locale);
        if (strict.Scan.HasSecrets)
        {
            return strict.RedactedText;
        }

        // The guard saw a secret in context that a context-free scan does not: keep none of the text.
        return guardFoundSecret ? _guard.Label(SecretKind.Password, locale) : inbound.Text;
    }

}
