using System.Globalization;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>The user's side of their tickets, before the dialog engine sees a message: listing them ("my tickets",
/// "我的工单"), looking one up ("ticket 100123", "#100123"), adding information or screenshots, closing one, the live
/// chat with the agent who has the ticket (and leaving it with "menu"), the 1–5 rating after an agent resolves it,
/// and reopening a resolved ticket when the user writes again within <see cref="SupportOptions.ReopenWindow"/>.</summary>
public sealed class UserTickets
{
    private const string ShowPrefix = "ticketShow:";
    private const string AddPrefix = "ticketAdd:";
    private const string ClosePrefix = "ticketClose:";
    private const string LivePrefix = "ticketLive:";
    private const string DoneValue = "ticketDone";
    private const int MaxListed = 10;

    private readonly ITicketStore _tickets;
    private readonly DialogCatalog _catalog;
    private readonly ReplyBuilder _replies;
    private readonly SupportOptions _options;
    private readonly QueueAdvisor _queue;
    private readonly Dictionary<string, string> _commandByWord = new(StringComparer.Ordinal);
    private readonly List<string> _ticketWords = [];
    private readonly HumanRequest _human;
    private readonly string[] _reopenPhrases;

    /// <summary>Creates the handler.</summary>
    public UserTickets(ITicketStore tickets, DialogCatalog catalog, SupportOptions options, QueueAdvisor queue)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _tickets = tickets;
        _catalog = catalog;
        _replies = new ReplyBuilder(catalog);
        _options = options;
        _queue = queue;
        _human = new HumanRequest(catalog);
        var reopen = catalog.Text(TextKeys.ReopenPhrases);
        _reopenPhrases = [.. Locales.All.SelectMany(l => reopen.Get(l).Split('\n')).Select(p => p.Trim()).Where(p => p.Length > 0)];
        foreach (var id in (string[])[CommandIds.MyTickets, CommandIds.Done, CommandIds.Menu, CommandIds.Skip, CommandIds.Cancel, CommandIds.Thanks, CommandIds.Yes, CommandIds.VerifyAgent])
        {
            foreach (var word in catalog.Commands.GetValueOrDefault(id, []))
            {
                _commandByWord.TryAdd(TextMatching.NormalizeCommand(word), id);
            }
        }

        // "工单 100123" reads as well as "工单号 100123": the list words work as prefixes too.
        _ticketWords.AddRange(catalog.Commands.GetValueOrDefault(CommandIds.Ticket, [])
            .Concat(catalog.Commands.GetValueOrDefault(CommandIds.MyTickets, []))
            .Select(TextMatching.NormalizeCommand)
            .OrderByDescending(w => w.Length));
    }

    /// <summary>Handles <paramref name="activity"/> (already redacted) if it is about the user's tickets.
    /// <paramref name="attachments"/> are the files of this message, already stored.</summary>
    public async Task<UserTicketTurn> HandleAsync(
        ConversationState state,
        InboundActivity activity,
        IReadOnlyList<TicketAttachment> attachments,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);
        var result = new UserTicketTurn();
        if (activity.ChoiceValue is null && _human.IsRequest(activity.Text)
            && await ShowOpenForHumanAsync(state, activity, result, cancellationToken))
        {
            return result;
        }

        if (state.Phase == Phase.New)
        {
            return result;
        }

        var locale = state.Locale;
        var choice = activity.ChoiceValue;
        var command = Command(activity.Text, choice);

        if (choice is not null && await ChoiceAsync(state, activity, choice, now, result, cancellationToken))
        {
            return result;
        }

        // "Is this really support?" works at any time, the live chat included (the agent's greeting says so): the
        // engine checks the code; it is neither relayed to the agent nor taken as a rating comment.
        if (command == CommandIds.VerifyAgent)
        {
            if (state.TicketMode == TicketMode.RatingComment)
            {
                ExitMode(state);
            }

            state.VerifyInLive = await LiveTicketAsync(state, cancellationToken);
            return result;
        }

        if (command == CommandIds.MyTickets)
        {
            await ListAsync(state, activity, result, cancellationToken);
            return result;
        }

        if (TicketReference(activity.Text) is { } referenced)
        {
            await ShowAsync(state, activity, referenced, result, cancellationToken);
            return result;
        }

        switch (state.TicketMode)
        {
            case TicketMode.AddingInfo when state.TicketFocus is { } adding:
                if (command is CommandIds.Done or CommandIds.Menu or CommandIds.Cancel)
                {
                    ExitMode(state);
                    Say(result, TextKeys.TicketAddDone, locale, adding);
                    result.Handled = command == CommandIds.Done;
                    return result;
                }

                var target = await OwnTicketAsync(activity, adding, cancellationToken);
                if (target is null)
                {
                    ExitMode(state);
                    return result;
                }

                AddToTicket(target, activity, attachments, now, result, reopen: false);
                Say(result, TextKeys.TicketAdded, locale, adding, [_replies.Choice(DoneValue, locale)]);
                result.Handled = true;
                return result;
            case TicketMode.RatingComment when state.TicketFocus is { } rated:
                ExitMode(state);
                if (command is null && SaysItIsBack(activity.Text)
                    && await OwnTicketAsync(activity, rated, cancellationToken) is { Status: TicketStatus.Resolved, ResolvedAt: { } at } back
                    && now - at <= _options.ReopenWindow)
                {
                    // "It got rejected again today": not a comment on the help, the problem is back.
                    AddToTicket(back, activity, attachments, now, result, reopen: true);
                    Say(result, TextKeys.TicketReopened, locale, rated);
                    result.Handled = true;
                    return result;
                }

                if (command is null && activity.Text.Trim().Length > 0)
                {
                    result.Changes.Add(new TicketChange
                    {
                        Number = rated,
                        At = now,
                        RatingComment = activity.Text.Trim(),
                        History = [new TicketHistoryEntry(now, "user", "rating", "comment")],
                    });
                    result.Events.Add(new TicketEvent(rated, TicketEventKind.Changed, now));
                    Say(result, TextKeys.RatingCommentThanks, locale, rated);
                    result.Handled = true;
                    return result;
                }

                Say(result, TextKeys.RatingCommentThanks, locale, rated);
                result.Handled = command is CommandIds.Skip or CommandIds.Done;
                return result;
        }

        if (state.LastTicket is not { } last || state.Phase is not (Phase.Done or Phase.Menu))
        {
            return result;
        }

        var ticket = await _tickets.GetTicketAsync(last, cancellationToken);
        if (ticket is null)
        {
            return result;
        }

        // Rating after an agent resolved the ticket: a picked or typed 1–5.
        if (ticket.Status == TicketStatus.Resolved && ticket.Rating is null && Rating(activity.Text, choice) is { } rating)
        {
            result.Changes.Add(new TicketChange
            {
                Number = ticket.Number,
                At = now,
                Rating = rating,
                History = [new TicketHistoryEntry(now, "user", "rating", rating.ToString(CultureInfo.InvariantCulture))],
            });
            result.Events.Add(new TicketEvent(ticket.Number, TicketEventKind.Changed, now));
            state.TicketMode = TicketMode.RatingComment;
            state.TicketFocus = ticket.Number;
            Say(result, TextKeys.RatingThanks, locale, ticket.Number, [_replies.Choice("skip", locale)]);
            result.Handled = true;
            return result;
        }

        // "Thanks" / "ok" after a resolution is not a new problem: ask for the rating once more instead of reopening.
        if (ticket.Status == TicketStatus.Resolved && ticket.Rating is null && command is CommandIds.Thanks or CommandIds.Yes)
        {
            result.Replies.Add(RatingQuestion(_catalog, ticket));
            result.Handled = true;
            return result;
        }

        if (IsLive(state, ticket))
        {
            if (command == CommandIds.Menu)
            {
                // Leaving the live chat: the engine shows the menu after this line.
                state.LiveLeft = ticket.Number;
                Say(result, TextKeys.LiveLeft, locale, ticket.Number);
                return result;
            }

            AddToTicket(ticket, activity, attachments, now, result, reopen: false);
            result.Handled = true;
            return result;
        }

        // Rated or not: the resolution message promised that replying reopens it.
        if (ticket.Status == TicketStatus.Resolved && command is null && activity.Text.Trim().Length > 0
            && ticket.ResolvedAt is { } resolvedAt && now - resolvedAt <= _options.ReopenWindow)
        {
            AddToTicket(ticket, activity, attachments, now, result, reopen: true);
            Say(result, TextKeys.TicketReopened, locale, ticket.Number);
            result.Handled = true;
        }

        return result;
    }

    /// <summary>A user who asks for a person while a ticket of theirs is open (not in its live chat) gets that
    /// ticket's status and place in the queue instead of a second ticket or the menu.</summary>
    private async Task<bool> ShowOpenForHumanAsync(
        ConversationState state, InboundActivity activity, UserTicketTurn result, CancellationToken ct)
    {
        var mine = await _tickets.ListTicketsForUserAsync(activity.Conversation.Channel, activity.UserId, ct);
        var open = mine.Where(t => t.IsOpen).OrderByDescending(t => t.CreatedAt).FirstOrDefault();
        if (open is null || (state.Phase != Phase.New && IsLive(state, open)))
        {
            return false;
        }

        if (state.Phase == Phase.New)
        {
            state.Locale = TextMatching.HasCjk(activity.Text) ? Locales.Supported.Chinese : open.Locale;
            state.Phase = Phase.Done;
        }

        Say(result, TextKeys.TicketHumanOpen, state.Locale, open.Number);
        await ShowAsync(state, activity, open.Number, result, ct);
        state.LastTicket ??= open.Number;
        return true;
    }

    private bool SaysItIsBack(string text) =>
        _reopenPhrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The place-in-queue text for a ticket that is waiting, or null when it is not new.</summary>
    public async Task<string?> QueueTextAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status != TicketStatus.New)
        {
            return null;
        }

        var position = await _tickets.QueuePositionAsync(ticket.Number, cancellationToken);
        return position > 0
            ? await _queue.DescribeAsync(position, ticket.Priority, ticket.Locale, now, cancellationToken)
            : null;
    }

    /// <summary>The rating question sent when a ticket is resolved: 1 to 5 as choices.</summary>
    public static BotReply RatingQuestion(DialogCatalog catalog, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ticket);
        var choices = new ChoiceOption[5];
        for (var i = 1; i <= 5; i++)
        {
            var value = i.ToString(CultureInfo.InvariantCulture);
            choices[i - 1] = new ChoiceOption(ChoiceValues.RatingPrefix + value, value);
        }

        return new BotReply(catalog.Text(TextKeys.HandoffResolved).Format(ticket.Locale, ("number", Number(ticket.Number))), choices)
        {
            TicketNumber = ticket.Number,
        };
    }

    private async Task<bool> ChoiceAsync(
        ConversationState state, InboundActivity activity, string choice, DateTimeOffset now, UserTicketTurn result, CancellationToken ct)
    {
        var locale = state.Locale;
        if (choice == DoneValue && state.TicketMode == TicketMode.AddingInfo && state.TicketFocus is { } adding)
        {
            ExitMode(state);
            Say(result, TextKeys.TicketAddDone, locale, adding);
            result.Handled = true;
            return true;
        }

        if (NumberAfter(choice, ShowPrefix) is { } show)
        {
            await ShowAsync(state, activity, show, result, ct);
            return true;
        }

        if (NumberAfter(choice, AddPrefix) is { } add)
        {
            if (await OwnTicketAsync(activity, add, ct) is null)
            {
                Say(result, TextKeys.TicketNotFound, locale, add);
            }
            else
            {
                state.TicketMode = TicketMode.AddingInfo;
                state.TicketFocus = add;
                Say(result, TextKeys.TicketAddPrompt, locale, add, [_replies.Choice(DoneValue, locale)]);
            }

            result.Handled = true;
            return true;
        }

        if (NumberAfter(choice, ClosePrefix) is { } close)
        {
            var ticket = await OwnTicketAsync(activity, close, ct);
            if (ticket is null)
            {
                Say(result, TextKeys.TicketNotFound, locale, close);
            }
            else if (ticket.Status != TicketStatus.Closed)
            {
                result.Changes.Add(new TicketChange
                {
                    Number = close,
                    At = now,
                    Status = TicketStatus.Closed,
                    History = [new TicketHistoryEntry(now, "user", "status", TicketLifecycle.Name(ticket.Status) + " → closed")],
                });
                result.Events.Add(new TicketEvent(close, TicketEventKind.Changed, now));
                ExitMode(state);
                Say(result, TextKeys.TicketClosedByUser, locale, close);
            }

            result.Handled = true;
            return true;
        }

        if (NumberAfter(choice, LivePrefix) is { } live)
        {
            if (await OwnTicketAsync(activity, live, ct) is { IsOpen: true, AssigneeId: not null })
            {
                state.LastTicket = live;
                state.LiveLeft = null;
                state.ResetFlow();
                state.Phase = Phase.Done;
                ExitMode(state);
                Say(result, TextKeys.LiveBack, locale, live);
            }
            else
            {
                Say(result, TextKeys.TicketNotFound, locale, live);
            }

            result.Handled = true;
            return true;
        }

        return false;
    }

    private async Task ListAsync(ConversationState state, InboundActivity activity, UserTicketTurn result, CancellationToken ct)
    {
        var locale = state.Locale;
        var mine = await _tickets.ListTicketsForUserAsync(activity.Conversation.Channel, activity.UserId, ct);
        result.Handled = true;
        if (mine.Count == 0)
        {
            result.Replies.Add(BotReply.Plain(_replies.Text(TextKeys.TicketListNone, locale)));
            return;
        }

        var lines = new List<string> { _replies.Text(TextKeys.TicketListHeader, locale) };
        var choices = new List<ChoiceOption>();
        foreach (var ticket in mine.Take(MaxListed))
        {
            var problem = ProblemTitle(ticket, locale);
            lines.Add(_replies.Text(
                TextKeys.TicketListLine,
                locale,
                ("number", Number(ticket.Number)),
                ("problem", problem),
                ("status", StatusText(ticket.Status, locale)),
                ("date", _replies.Text(TextKeys.DateFormat, locale) is var format ? ticket.CreatedAt.ToString(format, CultureInfo.InvariantCulture) : "")));
            choices.Add(new ChoiceOption(ShowPrefix + Number(ticket.Number), "#" + Number(ticket.Number) + " " + problem));
        }

        result.Replies.Add(new BotReply(string.Join("\n", lines), choices));
    }

    private async Task ShowAsync(
        ConversationState state, InboundActivity activity, long number, UserTicketTurn result, CancellationToken ct)
    {
        var locale = state.Locale;
        result.Handled = true;
        var ticket = await OwnTicketAsync(activity, number, ct);
        if (ticket is null)
        {
            Say(result, TextKeys.TicketNotFound, locale, number);
            return;
        }

        var text = _replies.Text(
            TextKeys.TicketDetail,
            locale,
            ("number", Number(number)),
            ("problem", ProblemTitle(ticket, locale)),
            ("status", StatusText(ticket.Status, locale)),
            ("date", ticket.CreatedAt.ToString(_replies.Text(TextKeys.DateFormat, locale), CultureInfo.InvariantCulture)));
        if (ticket.AssigneeName is { } agent)
        {
            text += "\n" + _replies.Text(TextKeys.TicketDetailAgent, locale, ("agent", agent));
        }

        if (await QueueTextAsync(ticket, activity.Timestamp == default ? ticket.UpdatedAt : activity.Timestamp, ct) is { } queue)
        {
            text += "\n" + queue;
        }

        var choices = new List<ChoiceOption>(3);
        if (ticket.Status != TicketStatus.Closed)
        {
            choices.Add(new ChoiceOption(AddPrefix + Number(number), _replies.Choice("ticketAdd", locale).Title));
        }

        if (ticket.IsOpen && ticket.AssigneeId is not null)
        {
            choices.Add(new ChoiceOption(LivePrefix + Number(number), _replies.Choice("ticketLive", locale).Title));
        }

        if (ticket.Status != TicketStatus.Closed)
        {
            choices.Add(new ChoiceOption(ClosePrefix + Number(number), _replies.Choice("ticketClose", locale).Title));
        }

        result.Replies.Add(new BotReply(text, choices) { TicketNumber = number });
    }

    private static void AddToTicket(
        Ticket ticket,
        InboundActivity activity,
        IReadOnlyList<TicketAttachment> attachments,
        DateTimeOffset now,
        UserTicketTurn result,
        bool reopen)
    {
        TicketStatus? status = reopen
            ? ticket.AssigneeId is null ? TicketStatus.New : TicketStatus.Assigned
            : ticket.Status == TicketStatus.WaitingOnUser ? TicketStatus.Assigned
            : ticket.Status == TicketStatus.Closed ? null
            : null;
        var history = new List<TicketHistoryEntry>(2);
        if (reopen)
        {
            history.Add(new TicketHistoryEntry(now, "user", "reopened", "resolved → " + TicketLifecycle.Name(status!.Value)));
        }
        else if (status is { } moved)
        {
            history.Add(new TicketHistoryEntry(now, "user", "status", TicketLifecycle.Name(ticket.Status) + " → " + TicketLifecycle.Name(moved)));
        }

        if (attachments.Count > 0)
        {
            history.Add(new TicketHistoryEntry(now, "user", "attachment", attachments.Count.ToString(CultureInfo.InvariantCulture)));
        }

        result.Changes.Add(new TicketChange
        {
            Number = ticket.Number,
            At = now,
            Status = status,
            UserMessage = true,
            AddAttachments = attachments,
            History = history,
        });
        result.Events.Add(new TicketEvent(ticket.Number, TicketEventKind.UserMessage, now));
    }

    private async Task<Ticket?> OwnTicketAsync(InboundActivity activity, long number, CancellationToken ct)
    {
        var ticket = await _tickets.GetTicketAsync(number, ct);
        // Only the user's own tickets, in the same channel: a number alone is not proof of anything.
        return ticket is not null && ticket.UserId == activity.UserId
            && ticket.Conversation.Channel == activity.Conversation.Channel
            ? ticket
            : null;
    }

    private string? Command(string text, string? choice)
    {
        if (choice is not null)
        {
            return CommandIds.All.Contains(choice) ? choice : null;
        }

        var normalized = TextMatching.NormalizeCommand(text);
        return normalized.Length > 0 && _commandByWord.TryGetValue(normalized, out var command) ? command : null;
    }

    /// <summary>"ticket 100123", "工单100123", "工单 #100123", "#100123".</summary>
    private long? TicketReference(string text)
    {
        var normalized = TextMatching.NormalizeCommand(text);
        if (normalized.Length is 0 or > 40)
        {
            return null;
        }

        var rest = normalized.AsSpan();
        foreach (var word in _ticketWords)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                rest = rest[word.Length..].TrimStart();
                break;
            }
        }

        var hadHash = rest.StartsWith("#", StringComparison.Ordinal);
        if (hadHash)
        {
            rest = rest[1..];
        }

        if (rest.Length == normalized.Length || rest.Length is < 6 or > 12)
        {
            return null;
        }

        foreach (var c in rest)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        return long.Parse(rest, CultureInfo.InvariantCulture);
    }

    private static int? Rating(string text, string? choice)
    {
        if (choice is not null)
        {
            return choice.StartsWith(ChoiceValues.RatingPrefix, StringComparison.Ordinal)
                && int.TryParse(choice.AsSpan(ChoiceValues.RatingPrefix.Length), CultureInfo.InvariantCulture, out var picked)
                && picked is >= 1 and <= 5
                ? picked
                : null;
        }

        var trimmed = text.Trim();
        return trimmed.Length == 1 && trimmed[0] is >= '1' and <= '5' ? trimmed[0] - '0' : null;
    }

    private static long? NumberAfter(string choice, string prefix) =>
        choice.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(choice.AsSpan(prefix.Length), CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static void ExitMode(ConversationState state)
    {
        state.TicketMode = TicketMode.None;
        state.TicketFocus = null;
    }

    private void Say(UserTicketTurn result, string key, string locale, long number, IReadOnlyList<ChoiceOption>? choices = null) =>
        result.Replies.Add(new BotReply(_replies.Text(key, locale, ("number", Number(number))), choices ?? []) { TicketNumber = number });

    private string ProblemTitle(Ticket ticket, string locale) =>
        _catalog.FindProblem(ticket.Category)?.Title.Get(locale) ?? ticket.Category;

    private string StatusText(TicketStatus status, string locale) =>
        _replies.Text(TextKeys.TicketStatus(status), locale);

    private static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ticket whose live chat the user is in (their last ticket, open, with an agent, not left), if any.</summary>
    private async Task<long?> LiveTicketAsync(ConversationState state, CancellationToken cancellationToken)
    {
        if (state.LastTicket is not { } last || state.Phase is not (Phase.Done or Phase.Menu))
        {
            return null;
        }

        var ticket = await _tickets.GetTicketAsync(last, cancellationToken);
        return ticket is not null && IsLive(state, ticket) ? ticket.Number : null;
    }

    /// <summary>Whether the user is in <paramref name="ticket"/>'s live chat: open, with an agent, and not left.</summary>
    private static bool IsLive(ConversationState state, Ticket ticket) =>
        ticket.IsOpen && ticket.AssigneeId is not null && state.LiveLeft != ticket.Number;
}
