using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;

namespace SupportBot.AI;

/// <summary>Summarises each new ticket in the background. It listens to <see cref="TicketEvents"/>, which are
/// published after the user's turn has committed, so the model is never on the user's path: a slow or failing model
/// delays nothing but the summary. With AI off it returns at once and never subscribes.</summary>
internal sealed class TicketSummaryService(
    IOptions<AiOptions> options,
    TicketEvents events,
    IServiceProvider services,
    ILogger<TicketSummaryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Resolved only when enabled: with AI off the HTTP client is never even built.
        var summarizer = (TicketSummarizer)services.GetService(typeof(TicketSummarizer))!;
        using var subscription = events.Subscribe();
        try
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(stoppingToken))
            {
                if (change.Kind != TicketEventKind.Created)
                {
                    continue;
                }

                try
                {
                    await summarizer.SummarizeAsync(change.Number, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A store failure costs the summary only; the type alone, as a message might quote text.
                    logger.LogWarning("AI summary for ticket {Ticket} failed: {Failure}", change.Number, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
