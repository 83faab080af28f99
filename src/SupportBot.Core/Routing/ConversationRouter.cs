using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Routing;

/// <summary>Where every inbound message from every channel goes: drops duplicates, passes the text through the
/// safety guard before anything else sees it, runs the dialog turn, and stores the whole turn (state, transcript,
/// ticket, outbox) in one transaction. Turns of one conversation run one at a time.</summary>
public sealed class ConversationRouter
{
    /// <summary>The longest profile name kept; longer ones are cut (the agent needs a name, not an essay).</summary>
    public const int MaxUserNameLength = 64;

    private static readonly ScanContext NameScan = new();

    private readonly DialogEngine _engine;
    private readonly SafetyGuard _guard;
    private readonly ConversationGuard _conversationGuard;
    private readonly int _maxMessageLength;
    private readonly IConversationStore _store;
    private readonly DialogCatalog _catalog;
    private readonly Dictionary<string, IChannelClient> _channels;
    private readonly TimeProvider _time;
    private readonly OutboxSignal? _signal;
    private readonly RouterHandoff? _handoff;
    private readonly ScreenshotGuard? _screenshots;
    private readonly KeyedLock<ConversationKey> _locks = new();

    /// <summary>Creates the router.</summary>
    public ConversationRouter(
        DialogEngine engine,
        SafetyGuard guard,
        IConversationStore store,
        DialogCatalog catalog,
        IEnumerable<IChannelClient> channels,
        TimeProvider time,
        OutboxSignal? signal = null,
        RouterHandoff? handoff = null,
        EngineOptions? options = null,
        IImageInspector? images = null)
    {
        // Every channel's attachments pass here before any store sees them: the one place images are read.
        _screenshots = images is null ? null : new ScreenshotGuard(images, catalog);
        _signal = signal;
        _handoff = handoff;
        _engine = engine;
        _guard = guard;
        _store = store;
        _catalog = catalog;
        _channels = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);
        _time = time;
        _conversationGuard = new ConversationGuard(guard, catalog, time);
        _maxMessageLength = (options ?? new EngineOptions()).MaxMessageLength;
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

    /// <summary>The channel's profile name as agents will see it: cleaned like any input (control and invisible
    /// characters dropped, full-width forms and spacing normalised), cut to
    /// <see cref="MaxUserNameLength"/>, and left out entirely when the guard finds a secret in it (a user can type
    /// anything into a profile name, and it would reach the ticket and the console unread).</summary>
    private string? SafeUserName(string? name, string locale)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var clean = InputCleaner.Clean(name);
        if (clean.Length == 0 || _guard.Inspect(name, NameScan, locale).Scan.HasSecrets)
        {
            return null;
        }

        return clean.Length > MaxUserNameLength ? clean[..MaxUserNameLength].TrimEnd() : clean;
    }

    private async Task<RouteResult> RunTurnAsync(InboundActivity activity, CancellationToken ct)
    {
        var stored = await _store.LoadAsync(activity.Conversation, ct);
        if (activity.OpensConversation && stored is not null)
        {
            // The page was opened again on a conversation the bot already spoke in: its history is there, no greeting.
            return new RouteResult(RouteStatus.Processed, []);
        }

        var state = stored is null ? new ConversationState() : ConversationStateSerializer.Deserialize(stored.State);
        var now = _time.GetUtcNow();

        // Before the first turn the conversation has no language yet: warnings follow the message's script.
        var locale = state.Phase == Phase.New ? _engine.LocaleOf(activity) : state.Locale;

        var expecting = _engine.AwaitedDetailKind(state);
        var scanContext = new ScanContext(
            ExpectingTransactionId: AwaitsTransactionIds(state, expecting),
            CodeRecentlyMentioned: state.CodeMentioned && !ExpectsNumber(expecting));
        // A picked choice carries the bot's own title as its text: it is never part of a phrase sent in pieces.
        var guard = activity.ChoiceValue is not null
            ? _guard.Inspect(activity.Text, scanContext, locale)
            : _conversationGuard.Inspect(
                activity.Conversation.Channel + "\n" + activity.Conversation.Id, activity.MessageId, activity.Text,
                scanContext, locale);
        var shots = _screenshots is null
            ? ScreenshotCheck.Unchecked(activity.Attachments)
            : await _screenshots.CheckAsync(activity.Attachments, scanContext, locale, guard.WalletCompromised, ct);
        var safe = activity with { Text = guard.RedactedText, Attachments = shots.Kept, UserName = SafeUserName(activity.UserName, locale) };
        state.CodeMentioned = guard.Scan.MentionsCode;
        var hasSecrets = guard.Scan.HasSecrets || shots.Removed;

        var replies = new List<BotReply>();
        var markExposed = new List<long>();
        if (hasSecrets)
        {
            foreach (var warning in guard.Warnings.Concat(shots.Warnings))
            {
                replies.Add(BotReply.Plain(warning));
            }

            if (guard.WalletCompromised || shots.WalletCompromised)
            {
                state.SecretExposed = true;
                if (state.LastTicket is { } ticket)
                {
                    markExposed.Add(ticket);
                }
            }

            // Words held back as a possible piece of a seed phrase are removed from the chat without a word about
            // deleting (most channels then show nothing); once the pieces add up, every piece's message goes too.
            var quiet = guard.HeldSeedWords && !guard.WalletCompromised
                && guard.Scan.Findings.All(f => f.Kind == SecretKind.SeedPhrase);
            var deleted = await DeleteOriginalAsync(activity, activity.MessageId, ct);
            foreach (var earlier in guard.EarlierMessageIds)
            {
                var earlierOutcome = await DeleteOriginalAsync(activity, earlier, ct);
                deleted = earlierOutcome == DeleteOutcome.Deleted ? deleted : (DeleteOutcome)Math.Max((int)deleted, (int)earlierOutcome);
            }

            if (deleted != DeleteOutcome.Deleted && !quiet)
            {
                var key = deleted == DeleteOutcome.Failed ? TextKeys.DeleteFailed : TextKeys.DeleteNotSupported;
                replies.Add(BotReply.Plain(_catalog.Text(key).Get(locale)));
            }
        }

        var nothingToAnswer = hasSecrets && OnlySecrets(activity.Text, guard.Scan) && shots.Kept.Count == 0;
        var (saved, refused) = await SaveAttachmentsAsync(shots.Kept, now, state.Locale, replies, ct);
        if (refused.Count > 0)
        {
            // The refusal was said, with its reason: the dialog must not answer the same file a second time ("that
            // file isn't an image"). A message of nothing but refused files gets its question again.
            safe = safe with { Attachments = [.. safe.Attachments.Where(a => !refused.Contains(a))] };
            nothingToAnswer |= safe.Attachments.Count == 0 && IsFiller(safe.Text);
        }

        var ticketChanges = new List<TicketChange>();
        var events = new List<TicketEvent>();
        UserTicketTurn? userSide = null;
        if (_handoff is not null && !nothingToAnswer)
        {
            userSide = await _handoff.Tickets.HandleAsync(state, safe, saved, now, ct);
            replies.AddRange(userSide.Replies);
            ticketChanges.AddRange(userSide.Changes);
            events.AddRange(userSide.Events);
        }

        TurnOutcome? outcome = null;
        if (userSide is not { Handled: true })
        {
            // Screenshots sent during a flow wait in the state for the ticket the flow will create.
            foreach (var attachment in saved)
            {
                if (state.PendingAttachments.Count < PendingAttachment.MaxPerFlow)
                {
                    state.PendingAttachments.Add(PendingAttachment.Encode(attachment));
                }
            }

            outcome = nothingToAnswer
                ? _engine.Reprompt(state, safe)
                : await _engine.RunTurnAsync(state, safe, hasSecrets, ct);
            replies.AddRange(outcome.Replies);
            if (_handoff is not null)
            {
                await AddTicketEffectsAsync(outcome, now, replies, ticketChanges, events, ct);
            }
        }

        var transcript = new List<TranscriptLine>(replies.Count + 1);
        if (!activity.OpensConversation)
        {
            transcript.Add(new(TranscriptDirection.User, string.Join("\n", shots.AgentNotes.Prepend(StoredText(activity.Text, guard.RedactedText, locale)).Where(t => t.Length > 0)), now)
            {
                AttachmentNames = AttachmentNames(shots.Kept),
            });
        }

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
                NewTicket = outcome?.Ticket,
                MarkSecretExposed = markExposed,
                TicketChanges = ticketChanges,
                Outbox = replies,
                At = now,
            },
            ct);
        if (replies.Count > 0)
        {
            _signal?.Notify(activity.Conversation.Channel);
        }

        await AfterCommitAsync(outcome?.Ticket, events, ct);

        return new RouteResult(RouteStatus.Processed, replies, outcome?.Ticket?.Number);
    }

    /// <summary>Keeps the files that came with the bytes (screenshots); a refused file (too large, not an image or
    /// PDF) is named to the user and left out, and returned so the dialog does not answer it again.</summary>
    private async Task<(IReadOnlyList<TicketAttachment> Saved, IReadOnlyList<Attachment> Refused)> SaveAttachmentsAsync(
        IReadOnlyList<Attachment> attachments, DateTimeOffset now, string locale, List<BotReply> replies, CancellationToken ct)
    {
        if (attachments.Count == 0 || _handoff?.Attachments is not { } store)
        {
            return ([], []);
        }

        var saved = new List<TicketAttachment>(attachments.Count);
        var refused = new List<Attachment>();
        foreach (var attachment in attachments)
        {
            if (attachment.Content.IsEmpty)
            {
                continue;
            }

            if (await store.SaveAsync(attachment.Name, attachment.Content, now, ct) is { } kept)
            {
                saved.Add(kept);
            }
            else
            {
                refused.Add(attachment);
                replies.Add(BotReply.Plain(_catalog.Text(TextKeys.AttachmentRefused).Format(
                    locale,
                    ("name", attachment.Name),
                    ("max", (store.MaxBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            }
        }

        return (saved, refused);
    }

    /// <summary>A new ticket gets its screenshots, the user's place in the queue and (urgent, after hours) the
    /// on-call alert; details added to an open ticket instead of a duplicate become a ticket change.</summary>
    private async Task AddTicketEffectsAsync(
        TurnOutcome outcome,
        DateTimeOffset now,
        List<BotReply> replies,
        List<TicketChange> changes,
        List<TicketEvent> events,
        CancellationToken ct)
    {
        var attachments = outcome.AttachmentIds.Select(a => PendingAttachment.Decode(a, now)).OfType<TicketAttachment>().ToList();
        if (outcome.Ticket is { } created)
        {
            if (attachments.Count > 0)
            {
                changes.Add(new TicketChange { Number = created.Number, At = now, AddAttachments = attachments });
            }

            var position = await _handoff!.Queue.PositionForNewAsync(created.Priority, ct);
            var queueText = await _handoff.Queue.DescribeAsync(position, created.Priority, created.Locale, now, ct);
            // Said in the same message that announces the ticket, so channels show it as one answer.
            var announced = replies.FindLastIndex(r => r.TicketNumber == created.Number);
            if (announced >= 0)
            {
                replies[announced] = replies[announced] with { Text = replies[announced].Text + "\n" + queueText };
            }
            else
            {
                replies.Add(BotReply.Plain(queueText) with { TicketNumber = created.Number });
            }
            events.Add(new TicketEvent(created.Number, TicketEventKind.Created, now));
        }
        else if (outcome.Append is { } append)
        {
            changes.Add(new TicketChange
            {
                Number = append.Number,
                At = now,
                AddDetails = append.Details,
                AddAttachments = attachments,
                UserMessage = true,
                History = [new TicketHistoryEntry(now, "user", "details", append.Details.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            });
            events.Add(new TicketEvent(append.Number, TicketEventKind.Changed, now));
        }
    }

    private async Task AfterCommitAsync(NewTicket? created, List<TicketEvent> events, CancellationToken ct)
    {
        if (_handoff is null)
        {
            return;
        }

        foreach (var ticketEvent in events)
        {
            _handoff.Events.Publish(ticketEvent);
        }

        if (created is { Priority: TicketPriority.Urgent } && _handoff.OnCall is { } onCall
            && !_handoff.Queue.Hours.IsOpen(created.CreatedAt))
        {
            try
            {
                await onCall.AlertAsync(created, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The ticket is stored and queued; a failed alert must not fail the user's turn.
            }
        }
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

    /// <summary>A message over <c>Bot:MaxMessageLength</c> is refused by the engine; the transcript keeps the
    /// refusal, not the text (which nobody read and which may hide anything).</summary>
    private string StoredText(string original, string redacted, string locale) =>
        original.Length > _maxMessageLength ? _catalog.Text(TextKeys.TooLongRemoved).Get(locale) : redacted;

    /// <summary>Whether the step asks for one or several transaction ids: a TXID detail (or a kind for several),
    /// or a free-text detail that asks for TXIDs (the compromised flow's "suspicious TXIDs"). There a 64-hex value
    /// is a hash, not a key.</summary>
    private bool AwaitsTransactionIds(ConversationState state, string? kind)
    {
        if (kind is null)
        {
            return false;
        }

        if (kind.StartsWith(SlotKinds.TxId, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var problem = _catalog.FindProblem(state.ProblemId);
        return problem is not null && state.DetailIndex >= 0 && state.DetailIndex < problem.Details.Count
            && problem.Details[state.DetailIndex].Id.Contains("txid", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<DeleteOutcome> DeleteOriginalAsync(InboundActivity activity, string? messageId, CancellationToken ct)
    {
        if (messageId is null || !_channels.TryGetValue(activity.Conversation.Channel, out var channel))
        {
            return DeleteOutcome.NotSupported;
        }

        try
        {
            return await channel.DeleteMessageAsync(activity.Conversation, messageId, ct);
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
