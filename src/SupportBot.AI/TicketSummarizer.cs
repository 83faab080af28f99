using Microsoft.Extensions.Logging;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;

namespace SupportBot.AI;

/// <summary>Writes one ticket's summary for the agent: the ticket's redacted transcript and details go to the model,
/// the answer goes through <see cref="ModelOutputCheck"/> and only then onto the ticket, and a
/// <see cref="TicketEventKind.SummaryAdded"/> event tells the agents' workspaces to post it. Any failure leaves the
/// ticket without a summary and changes nothing else.</summary>
internal sealed class TicketSummarizer(
    ITicketStore tickets,
    IConversationStore conversations,
    ITicketSummaryStore summaries,
    AiChatClient client,
    AiCallBudget budget,
    TicketSummaryPrompt prompt,
    ModelOutputCheck check,
    TicketEvents events,
    AiOptions options,
    TimeProvider time,
    ILogger<TicketSummarizer> logger)
{
    private const string Purpose = "summary";

    /// <summary>Summarises ticket <paramref name="number"/>; true when a summary was stored.</summary>
    public async Task<bool> SummarizeAsync(long number, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null || ticket.Summary is not null)
        {
            return false;
        }

        if (!budget.TryTake(ticket.Conversation))
        {
            AiLog.OverBudget(logger, Purpose, number);
            return false;
        }

        var transcript = await conversations.GetTranscriptAsync(ticket.Conversation, ticket.TranscriptFromSeq, cancellationToken);
        var language = string.IsNullOrEmpty(options.AgentLanguage) ? ticket.Locale : options.AgentLanguage;
        var (system, user) = prompt.Build(ticket, transcript, language);
        var reply = await client.CompleteAsync(Purpose, system, user, cancellationToken);
        if (reply is null)
        {
            return false;
        }

        var summary = check.Check(reply.Text, out var reason);
        if (summary is null)
        {
            AiLog.Dropped(logger, Purpose, number, reason);
            return false;
        }

        var stored = await summaries.SetSummaryAsync(number, summary, cancellationToken);
        if (stored)
        {
            AiLog.SummaryStored(logger, number, summary.Length, (time.GetUtcNow() - ticket.CreatedAt).TotalMilliseconds);

            // Published after the store holds it: listeners read the summary from the ticket, as with every event.
            events.Publish(new TicketEvent(number, TicketEventKind.SummaryAdded, time.GetUtcNow()));
        }

        return stored;
    }
}
