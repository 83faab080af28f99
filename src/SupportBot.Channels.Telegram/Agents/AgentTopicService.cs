using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using Telegram.Bot.Exceptions;

namespace SupportBot.Channels.Telegram.Agents;

/// <summary>Mirrors tickets into the agent group: a topic with the summary when a ticket is created, the user's
/// messages and status changes as they happen, and the optional AI's summary once it is stored. Reads the ticket from the desk for every event, so what agents see
/// went through the store's redaction.</summary>
internal sealed class AgentTopicService : BackgroundService
{
    private const int Attempts = 3;

    private readonly AgentTopics _topics;
    private readonly TicketEvents _events;
    private readonly TicketDesk _desk;
    private readonly DialogCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentTopicService> _log;
    private TicketSubscription? _subscription;

    public AgentTopicService(
        AgentTopics topics,
        TicketEvents events,
        TicketDesk desk,
        DialogCatalog catalog,
        TimeProvider time,
        ILogger<AgentTopicService> log)
    {
        _topics = topics;
        _events = events;
        _desk = desk;
        _catalog = catalog;
        _time = time;
        _log = log;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before anything runs, so no event published during start-up is missed.
        _subscription = _events.Subscribe(1024);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _subscription!.Reader;
        try
        {
            await foreach (var ticketEvent in reader.ReadAllAsync(stoppingToken))
            {
                await HandleWithRetriesAsync(ticketEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleWithRetriesAsync(TicketEvent ticketEvent, CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                await HandleAsync(ticketEvent, ct);
                return;
            }
            catch (ApiRequestException ex) when (ex.Parameters?.RetryAfter is { } after)
            {
                // Telegram's "slow down" (a busy agent group) is waited out, never counted as a failure.
                await Task.Delay(TimeSpan.FromSeconds(after), _time, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (++failures >= Attempts)
                {
                    _log.LogWarning("Mirroring ticket {Number} ({Kind}) into the agent group failed ({Type}); given up.",
                        ticketEvent.Number, ticketEvent.Kind, ex.GetType().Name);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(failures), _time, ct);
            }
        }
    }

    private async Task HandleAsync(TicketEvent ticketEvent, CancellationToken ct)
    {
        switch (ticketEvent.Kind)
        {
            case TicketEventKind.Created:
                await _topics.EnsureTopicAsync(ticketEvent.Number, ct);
                break;
            case TicketEventKind.UserMessage:
                var view = await _desk.GetAsync(ticketEvent.Number, ct);
                var line = view?.Transcript.LastOrDefault(l =>
                    ticketEvent.TranscriptSeq is { } seq ? l.Seq == seq : l.Direction == TranscriptDirection.User);
                if (line is not null)
                {
                    var text = line.Text;
                    if (line.AttachmentNames.Count > 0)
                    {
                        text = (text + " [" + string.Join(", ", line.AttachmentNames) + "]").Trim();
                    }

                    await _topics.PostAsync(
                        ticketEvent.Number,
                        _catalog.Text(TelegramTexts.TopicUserMessage).Format(_topics.Locale, ("text", text)),
                        ct);
                }

                break;
            case TicketEventKind.Changed:
                var changed = await _desk.GetAsync(ticketEvent.Number, ct);
                if (changed is not null)
                {
                    await _topics.PostAsync(
                        ticketEvent.Number,
                        _catalog.Text(TelegramTexts.TopicStatus).Format(
                            _topics.Locale,
                            ("number", ticketEvent.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                            ("status", TicketLifecycle.Name(changed.Ticket.Status)),
                            ("agent", changed.Ticket.AssigneeName ?? "-")),
                        ct);
                }

                break;
            case TicketEventKind.SummaryAdded:
                // Only published when the AI is on and its text passed the output check; read back from the store.
                var summarized = await _desk.GetAsync(ticketEvent.Number, ct);
                if (summarized?.Ticket.Summary is { Length: > 0 } summary)
                {
                    await _topics.PostAsync(
                        ticketEvent.Number,
                        _catalog.Text(TelegramTexts.TopicAiSummary).Format(_topics.Locale, ("summary", summary)),
                        ct);
                }

                break;
        }
    }
}
