using System.Text.Json.Nodes;
using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Core.Activities;
using SupportBot.Core.Engine;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>Takes one user activity from the page: routes a message through the <see cref="ConversationRouter"/>
/// (which stores it durably before anything else), then appends the echo with <c>channelData.clientActivityID</c>
/// kept (Web Chat marks a message sent only when it sees it). A retried post (same clientActivityID) gets the id of
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

    /// <summary>Creates the intake.</summary>
    public ActivityIntake(
        ConversationRouter router, DialogEngine engine, SafetyGuard guard, ReplyAppender appender,
        PendingRedactions redactions, IOutboxStore outbox, TimeProvider time)
    {
        _outbox = outbox;
        _router = router;
        _engine = engine;
        _guard = guard;
        _appender = appender;
        _redactions = redactions;
        _time = time;
    }

    /// <summary>Handles <paramref name="posted"/> from <paramref name="userId"/>; returns the activity's id.
    /// <paramref name="attachments"/> are the uploaded files (wire form and the bot's form), if any;
    /// <paramref name="keepUploads"/> writes them to the log's database, called only when the turn ran and the guard
    /// asked for nothing to be taken down (otherwise the echo goes out without them).</summary>
    public async Task<string> PostAsync(
        ConversationLog log, JsonObject posted, string userId, JsonArray? wireAttachments,
        IReadOnlyList<Attachment> attachments, Func<Task>? keepUploads = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(posted);
        var type = Str(posted["type"]) ?? "message";
        var clientId = Str((posted["channelData"] as JsonObject)?["clientActivityID"]);
        var now = _time.GetUtcNow();
        if (type == "typing")
        {
            // The user's typing is not kept or routed; Web Chat only wants an id back.
            return log.Id + "|typing";
        }

        await log.Gate.WaitAsync();
        try
        {
            if (clientId is not null && log.FindByClientActivityId(clientId) is { } earlier)
            {
                return earlier;
            }

            var text = Str(posted["text"]) ?? "";
            var locale = Str(posted["locale"]);
            if (locale is not null)
            {
                log.Locale = locale;
            }

            if (type == "event" && Str(posted["name"]) == JoinEventName)
            {
                await GreetAsync(log, posted, userId, locale, now);
            }

            if (type != "message")
            {
                // Events (a page's own signals) are echoed like Direct Line does; only the join greets.
                return await _appender.AppendEchoAsync(
                    log, id => ActivityJson.Echo(posted, log.Id, id, userId, null, null, now), clientId);
            }

            var messageId = clientId ?? Guid.NewGuid().ToString("N");
            var inbound = new InboundActivity
            {
                Conversation = new ConversationKey(WebChatChannelClient.Name, log.Id),
                UserId = userId,
                UserName = Str((posted["from"] as JsonObject)?["name"]),
                MessageId = messageId,
                Text = text,
                ChoiceValue = ChoiceValue(log.OfferedChoices, text, posted["value"]),
                Attachments = attachments,
                Locale = locale,
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
            if (keepUploads is not null)
            {
                if (!flagged && result.Status == RouteStatus.Processed)
                {
                    await keepUploads();
                }
                else
                {
                    wireAttachments = null;
                }
            }

            var ready = result.Status == RouteStatus.Processed && result.Replies.Count > 0
                ? await ReadyRepliesAsync(log, result.Replies, now)
                : [];
            var id = await _appender.AppendTurnAsync(
                log, id => ActivityJson.Echo(posted, log.Id, id, userId, echoText, wireAttachments, now), clientId, ready);
            MarkDelivered(ready, now);
            if (result.Status == RouteStatus.StoreUnavailable)
            {
                foreach (var reply in result.Replies)
                {
                    await _appender.AppendAsync(log, reply, outboxId: null);
                }
            }

            return id;
        }
        finally
        {
            log.Gate.Release();
        }
    }

    /// <summary>Opens the conversation for the bot: the greeting, the never-share warning and the menu go out through
    /// the outbox before the user types (nothing when the bot has spoken in this conversation before). The page's
    /// language comes as the event's <c>value.language</c> (the Bot Framework samples' shape) or its <c>locale</c>.</summary>
    private async Task GreetAsync(ConversationLog log, JsonObject posted, string userId, string? locale, DateTimeOffset now)
    {
        var language = Str((posted["value"] as JsonObject)?["language"]) ?? locale;
        if (language is not null)
        {
            log.Locale = language;
        }

        var join = new InboundActivity
        {
            Conversation = new ConversationKey(WebChatChannelClient.Name, log.Id),
            UserId = userId,
            MessageId = JoinEventName,
            Locale = language ?? log.Locale,
            OpensConversation = true,
            Timestamp = now,
        };

        // A store failure here only costs the greeting: the user's first message starts the conversation instead.
        await _router.HandleAsync(join, CancellationToken.None);
    }

    /// <summary>The choice the user picked: a posted value naming an offered choice (postBack, messageBack, or
    /// <c>{"choice": "…"}</c>), or text equal to an offered title (Web Chat's imBack posts the title).</summary>
    public static string? ChoiceValue(IReadOnlyList<ChoiceOption> offered, string text, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(text);
        var posted = value switch
        {
            JsonObject o => Str(o["choice"]),
            JsonValue => Str(value),
            _ => null,
        };
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

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
