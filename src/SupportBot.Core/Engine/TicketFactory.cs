using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Engine;

/// <summary>Turns a finished (or abandoned-to-a-human) flow into a ticket and the reply that announces it.</summary>
internal sealed class TicketFactory
{
    private const string WalletProblem = "wallet";

    private readonly ITicketStore _tickets;
    private readonly ReplyBuilder _replies;

    public TicketFactory(ITicketStore tickets, ReplyBuilder replies)
    {
        _tickets = tickets;
        _replies = replies;
    }

    /// <summary>Creates the ticket, unless the user has an open ticket on the same problem and
    /// <paramref name="allowDuplicate"/> is false: then it offers to add the details to that one instead.</summary>
    public async ValueTask CreateAsync(
        Turn turn, ProblemDefinition problem, string? preface, CancellationToken ct, bool allowDuplicate = false)
    {
        var state = turn.State;
        if (!allowDuplicate && await OpenTicketOnAsync(turn, problem, ct) is { } open)
        {
            state.TicketFocus = open.Number;
            state.Phase = Phase.DuplicateOffer;
            if (preface is not null)
            {
                turn.Say(Activities.BotReply.Plain(preface));
            }

            turn.Say(DuplicateOfferReply(_replies, open.Number, problem, state.Locale));
            return;
        }

        var number = await _tickets.NextTicketNumberAsync(ct);
        var priority = state.SecretExposed ? TicketPriority.Urgent : problem.Priority;
        var details = Details(state, problem);
        turn.Outcome.AttachmentIds.AddRange(state.PendingAttachments);

        turn.Outcome.Ticket = new NewTicket
        {
            Number = number,
            Conversation = turn.Activity.Conversation,
            UserId = turn.Activity.UserId,
            UserName = turn.Activity.UserName,
            Category = problem.Id,
            Priority = priority,
            SecretExposed = state.SecretExposed,
            Locale = state.Locale,
            Details = details,
            CreatedAt = turn.Now,
        };

        var text = _replies.Text(
            TextKeys.TicketCreated,
            state.Locale,
            ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("problem", problem.Title.Get(state.Locale)));
        if (priority == TicketPriority.Urgent)
        {
            // A self-custody wallet has no password, 2FA or API keys to reset: its advice is to move the funds.
            var advice = problem.Id == WalletProblem ? TextKeys.TicketUrgentWallet : TextKeys.TicketUrgent;
            text += "\n" + _replies.Text(advice, state.Locale);
        }

        if (preface is not null)
        {
            text = preface + "\n" + text;
        }

        turn.Say(new Activities.BotReply(text, []) { ProblemId = problem.Id, TicketNumber = number });
        state.ResetFlow();
        state.LastTicket = number;
        state.LiveLeft = null;
        state.Phase = Phase.Done;
    }

    /// <summary>Adds the flow's details to the open ticket the user chose instead of a new one.</summary>
    public void Append(Turn turn, ProblemDefinition problem, long number)
    {
        var state = turn.State;
        turn.Outcome.Append = new TicketAppend(number, Details(state, problem));
        turn.Outcome.AttachmentIds.AddRange(state.PendingAttachments);
        turn.Say(new Activities.BotReply(
            _replies.Text(TextKeys.TicketAdded, state.Locale, ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            [])
        {
            ProblemId = problem.Id,
            TicketNumber = number,
        });
        state.ResetFlow();
        state.TicketFocus = null;
        state.LastTicket = number;
        state.LiveLeft = null;
        state.Phase = Phase.Done;
    }

    /// <summary>The "you already have ticket #N on this" question.</summary>
    public static Activities.BotReply DuplicateOfferReply(
        ReplyBuilder replies, long number, ProblemDefinition problem, string locale) =>
        new(
            replies.Text(
                TextKeys.DuplicateOffer,
                locale,
                ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("problem", problem.Title.Get(locale))),
            [replies.Choice("addToTicket", locale), replies.Choice("newTicket", locale)])
        {
            ProblemId = problem.Id,
            StepId = Steps.DuplicateOffer,
            TicketNumber = number,
        };

    /// <summary>The user's open ticket on <paramref name="problem"/>, if any.</summary>
    public async ValueTask<Ticket?> OpenTicketOnAsync(Turn turn, ProblemDefinition problem, CancellationToken ct)
    {
        var mine = await _tickets.ListTicketsForUserAsync(turn.Activity.Conversation.Channel, turn.Activity.UserId, ct);
        foreach (var ticket in mine)
        {
            if (ticket.IsOpen && ticket.Category == problem.Id)
            {
                return ticket;
            }
        }

        return null;
    }

    private static List<TicketDetail> Details(ConversationState state, ProblemDefinition problem)
    {
        var details = new List<TicketDetail>(state.Values.Count);
        foreach (var detail in problem.Details)
        {
            if (state.Values.TryGetValue(detail.Id, out var value) && value.Value.Length > 0)
            {
                details.Add(new TicketDetail(detail.Id, detail.Kind, value.Value, value.Display, value.Original));
            }
        }

        return details;
    }
}
