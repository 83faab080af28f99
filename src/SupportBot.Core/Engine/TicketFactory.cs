using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Engine;

/// <summary>Turns a finished (or abandoned-to-a-human) flow into a ticket and the reply that announces it.</summary>
internal sealed class TicketFactory
{
    private readonly ITicketStore _tickets;
    private readonly ReplyBuilder _replies;

    public TicketFactory(ITicketStore tickets, ReplyBuilder replies)
    {
        _tickets = tickets;
        _replies = replies;
    }

    public async ValueTask CreateAsync(Turn turn, ProblemDefinition problem, string? preface, CancellationToken ct)
    {
        var state = turn.State;
        var number = await _tickets.NextTicketNumberAsync(ct);
        var priority = state.SecretExposed ? TicketPriority.Urgent : problem.Priority;
        var details = new List<TicketDetail>(state.Values.Count);
        foreach (var detail in problem.Details)
        {
            if (state.Values.TryGetValue(detail.Id, out var value) && value.Value.Length > 0)
            {
                details.Add(new TicketDetail(detail.Id, detail.Kind, value.Value, value.Display, value.Original));
            }
        }

        turn.Outcome.Ticket = new NewTicket
        {
            Number = number,
            Conversation = turn.Activity.Conversation,
            UserId = turn.Activity.UserId,
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
            text += "\n" + _replies.Text(TextKeys.TicketUrgent, state.Locale);
        }

        if (preface is not null)
        {
            text = preface + "\n" + text;
        }

        turn.Say(new Activities.BotReply(text, []) { ProblemId = problem.Id, TicketNumber = number });
        state.ResetFlow();
        state.LastTicket = number;
        state.Phase = Phase.Done;
    }
}
