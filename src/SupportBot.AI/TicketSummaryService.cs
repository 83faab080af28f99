using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;

namespace SupportBot.AI;

/// <summary>Summarises each new ticket in the background. It listens to <see cref="TicketEvents"/>, which are
/// published after the user's turn has committed, so the model is never on the user's path: a slow or failing model
/// delays nothing but the summaries (handled one at a time, each bounded by the timeout). With AI off it never
/// subscribes and never builds the HTTP client.</summary>
internal sealed class TicketSummaryService(
    IOptions<AiOptions> options,
    TicketEvents events,
    IServiceProvider services,
    ILogger<TicketSummaryService> logger) : BackgroundService
{
    private TicketSubscription? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed here, not in ExecuteAsync (which .NET runs on the thread pool), so no ticket created right after
        // start-up is missed.
        if (options.Value.Enabled)
        {
            _subscription = events.Subscribe();
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_subscription is null)
        {
            return;
        }

        var summarizer = services.GetRequiredService<TicketSummarizer>();
        try
        {
            await foreach (var change in _subscription.Reader.ReadAllAsync(stoppingToken))
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
                    // A store failure costs the summary only.
                    AiLog.SummaryFailed(logger, change.Number, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _subscription.Dispose();
        }
    }
}
