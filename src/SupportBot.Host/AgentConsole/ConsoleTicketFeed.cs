using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.AgentConsole;

/// <summary>The console's live events: this process's ticket events, plus the changes other processes wrote to the
/// shared store, which this process never hears of (a <c>chat</c> in another terminal on the same ./data file, a
/// second host). Those are found by asking the store every <see cref="PollInterval"/> for tickets changed since the
/// last look, only while a console is listening. An event only makes the page reload what it shows, so one change
/// announced twice costs a reload, never a wrong screen.</summary>
internal sealed partial class ConsoleTicketFeed : BackgroundService
{
    /// <summary>How often the store is asked for changes while a console listens.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Another process stamps a change when it makes it and commits it a little later (it may wait for the write
    // lock), so each look covers this much of the past and remembers versions to announce each change once.
    private static readonly TimeSpan Lookback = TimeSpan.FromSeconds(15);
    private const int Page = 500;

    private readonly TicketEvents _feed = new();
    private readonly ITicketStore _tickets;
    private readonly TimeProvider _time;
    private readonly ILogger<ConsoleTicketFeed> _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Seen> _seen = [];

    // Made here rather than when the loops start (on another thread): nothing published or ticked in between is
    // missed.
    private readonly TicketSubscription _localEvents;
    private readonly PeriodicTimer _timer;

    public ConsoleTicketFeed(TicketEvents local, ITicketStore tickets, TimeProvider time, ILogger<ConsoleTicketFeed> log)
    {
        _tickets = tickets;
        _time = time;
        _log = log;
        _localEvents = local.Subscribe(1024);
        _timer = new PeriodicTimer(PollInterval, time);
    }

    /// <summary>Raised after each look at the store, with how many changes it announced (tests wait on it).</summary>
    public event Action<int>? Polled;

    /// <summary>Starts listening; dispose the subscription to stop.</summary>
    public TicketSubscription Subscribe() => _feed.Subscribe();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ForwardAsync(stoppingToken), PollAsync(stoppingToken));

    public override void Dispose()
    {
        _localEvents.Dispose();
        _timer.Dispose();
        base.Dispose();
    }

    private async Task ForwardAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var change in _localEvents.Reader.ReadAllAsync(ct))
            {
                _feed.Publish(change);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(ct))
            {
                if (_feed.ListenerCount == 0)
                {
                    // Nobody to tell: a console that connects later loads the store as it is then.
                    lock (_gate)
                    {
                        _seen.Clear();
                    }

                    Polled?.Invoke(0);
                    continue;
                }

                var announced = 0;
                try
                {
                    announced = await LookAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The type name only: a store message may quote a row. The next tick looks again.
                    LogLookFailed(ex.GetType().Name);
                }

                Polled?.Invoke(announced);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<int> LookAsync(CancellationToken ct)
    {
        var since = _time.GetUtcNow() - Lookback;
        var changed = new List<Ticket>();
        for (var offset = 0; ; offset += Page)
        {
            var page = await _tickets.QueryTicketsAsync(new TicketQuery { UpdatedSince = since, Limit = Page, Offset = offset }, ct);
            changed.AddRange(page);
            if (page.Count < Page)
            {
                break;
            }
        }

        var announced = 0;
        lock (_gate)
        {
            foreach (var ticket in changed)
            {
                var known = _seen.TryGetValue(ticket.Number, out var seen);
                if (!known || seen.Version != ticket.Version)
                {
                    var kind = !known
                        ? ticket.CreatedAt >= since ? TicketEventKind.Created : TicketEventKind.Changed
                        : ticket.LastUserMessageAt != seen.LastUserMessageAt ? TicketEventKind.UserMessage : TicketEventKind.Changed;
                    _feed.Publish(new TicketEvent(ticket.Number, kind, ticket.UpdatedAt));
                    announced++;
                }

                _seen[ticket.Number] = new Seen(ticket.Version, ticket.UpdatedAt, ticket.LastUserMessageAt);
            }

            // What fell out of the window can no longer come back in a look.
            foreach (var number in _seen.Where(s => s.Value.UpdatedAt < since).Select(s => s.Key).ToList())
            {
                _seen.Remove(number);
            }
        }

        return announced;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for ticket changes made by other processes failed ({Failure}); trying again.")]
    private partial void LogLookFailed(string failure);

    private readonly record struct Seen(long Version, DateTimeOffset UpdatedAt, DateTimeOffset? LastUserMessageAt);
}
