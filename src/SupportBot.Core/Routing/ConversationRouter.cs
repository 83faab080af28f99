using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Routing;

/// <summary>Where every inbound message from every channel goes: drops duplicates, passes the text through the
/// safety guard before anything else sees it, runs the dialog turn, and stores the whole turn (state, transcript,
/// ticket, outbox) in one transaction. Turns of one conversation run one at a time.</summary>
public sealed class ConversationRouter
{
    private readonly DialogEngine _engine;
    private readonly SafetyGuard _guard;
    private readonly IConversationStore _store;
    private readonly DialogCatalog _catalog;
    private readonly Dictionary<string, IChannelClient> _channels;
    private readonly TimeProvider _time;
    private readonly OutboxSignal? _signal;
    private readonly KeyedLock<ConversationKey> _locks = new();

    /// <summary>Creates the router.</summary>
    public ConversationRouter(
        DialogEngine engine,
        SafetyGuard guard,
        IConversationStore store,
        DialogCatalog catalog,
        IEnumerable<IChannelClient> channels,
        TimeProvider time,
        OutboxSignal? signal = null)
    {
        _signal = signal;
        _engine = engine;
        _guard = guard;
        _store = store;
        _catalog = catalog;
        _channels = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);
        _time = time;
    }

    /// <summary>Processes one inbound message. Never throws for a store failure: the result says
    /// <see cref="RouteStatus.StoreUnavailable"/> and carries a reply asking the user to send it again.</summary>
    public async Task<RouteResult> HandleAsync(InboundActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var held = await _locks.AcquireAsync(activity.Conversation, cancellationToken);
        try
        {
            if (activity.MessageId is { } messageId
                && await _store.WasProcessedAsync(activity.Conversation, messageId, cancellationToken))
            {
                return new RouteResult(RouteStatus.Duplicate, []);
            }

            // A conflict means another process (a second host on the same database) wrote this conversation
            // between our load and our commit: run the turn again on the fresh state.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RunTurnAsync(activity, cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                }
            }
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            // The message was not accepted; say so plainly so the user sends it again. The exception is not
            // rethrown or logged with the message text: it may hold a secret the guard had not yet removed.
            return new RouteResult(
                RouteStatus.StoreUnavailable,
                [BotReply.Plain(_catalog.Text(TextKeys.StorageUnavailable).Get(_engine.LocaleOf(activity)))]);
        }
    }

    private async Task<RouteResult> RunTurnAsync(InboundActivity activity, CancellationToken ct)
    {
        var stored = await _store.LoadAsync(activity.Conversation, ct);
        var state = stored is null ? new ConversationState() : ConversationStateSerializer.Deserialize(stored.State);
        var now = _time.GetUtcNow();

        // Before the first turn the conversation has no language yet: warnings follow the message's script.
        var locale = state.Phase == Phase.New ? _engine.LocaleOf(activity) : state.Locale;

        var expecting = _engine.AwaitedDetailKind(state);
        var scanContext = new ScanContext(
            ExpectingTransactionId: expecting == SlotKinds.TxId,
            CodeRecentlyMentioned: state.CodeMentioned && !ExpectsNumber(expecting));
        var guard = _guard.Inspect(activity.Text, scanContext, locale);
        var safe = activity with { Text = guard.RedactedText };
        state.CodeMentioned = guard.Scan.MentionsCode;

        var replies = new List<BotReply>();
        var markExposed = new List<long>();
        if (guard.Scan.HasSecrets)
        {
            foreach (var warning in guard.Warnings)
            {
                replies.Add(BotReply.Plain(warning));
            }

            if (guard.WalletCompromised)
            {
                state.SecretExposed = true;
                if (state.LastTicket is { } ticket)
                {
                    markExposed.Add(ticket);
                }
            }

            var deleted = await DeleteOriginalAsync(activity, ct);
            if (deleted != DeleteOutcome.Deleted)
            {
                var key = deleted == DeleteOutcome.Failed ? TextKeys.DeleteFailed : TextKeys.DeleteNotSupported;
                replies.Add(BotReply.Plain(_catalog.Text(key).Get(locale)));
            }
        }

        var outcome = guard.Scan.HasSecrets && OnlySecrets(activity.Text, guard.Scan)
            ? _engine.Reprompt(state, safe)
            : await _engine.RunTurnAsync(state, safe, guard.Scan.HasSecrets, ct);
        replies.AddRange(outcome.Replies);

        var transcript = new List<TranscriptLine>(replies.Count + 1)
        {
            new(TranscriptDirection.User, guard.RedactedText, now)
            {
                AttachmentNames = AttachmentNames(activity.Attachments),
            },
        };
        foreach (var reply in replies)
        {
            transcript.Add(new TranscriptLine(TranscriptDirection.Bot, reply.Text, now));
        }

        await _store.CommitTurnAsync(
            new TurnCommit
            {
                Conversation = activity.Conversation,
                UserId = activity.UserId,
                ExpectedVersion = stored?.Version ?? 0,
                State = ConversationStateSerializer.Serialize(state),
                InboundMessageId = activity.MessageId,
                Transcript = transcript,
                NewTicket = outcome.Ticket,
                MarkSecretExposed = markExposed,
                Outbox = replies,
                At = now,
            },
            ct);
        if (replies.Count > 0)
        {
            _signal?.Notify(activity.Conversation.Channel);
        }

        return new RouteResult(RouteStatus.Processed, replies, outcome.Ticket?.Number);
    }

    private static string[] AttachmentNames(IReadOnlyList<Attachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return [];
        }

        var names = new string[attachments.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = attachments[i].Name;
        }

        return names;
    }

    private async Task<DeleteOutcome> DeleteOriginalAsync(InboundActivity activity, CancellationToken ct)
    {
        if (activity.MessageId is null || !_channels.TryGetValue(activity.Conversation.Channel, out var channel))
        {
            return DeleteOutcome.NotSupported;
        }

        try
        {
            return await channel.DeleteMessageAsync(activity.Conversation, activity.MessageId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return DeleteOutcome.Failed;
        }
    }

    private static bool ExpectsNumber(string? kind) =>
        kind is SlotKinds.Uid or SlotKinds.Amount or SlotKinds.OrderId or SlotKinds.Phone or SlotKinds.Contact
            or SlotKinds.Time;

    /// <summary>Whether the message was nothing but secrets (and separators), so there is no answer left in it.</summary>
    private static bool OnlySecrets(string text, ScanResult scan)
    {
        var position = 0;
        foreach (var finding in scan.Findings)
        {
            if (!IsFiller(text.AsSpan(position, finding.Start - position)))
            {
                return false;
            }

            position = finding.Start + finding.Length;
        }

        return IsFiller(text.AsSpan(position));
    }

    private static bool IsFiller(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is not OperationCanceledException and not ArgumentException and not ConcurrencyConflictException
            && ex is System.Data.Common.DbException or IOException or TimeoutException;
}
