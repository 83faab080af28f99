using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.Handoff;

/// <summary>Closes resolved tickets whose reopen window (<c>Support:ReopenWindow</c>) has passed, every
/// <see cref="Interval"/>, through the desk (so each close has its history line and tells the user).</summary>
internal sealed partial class ResolvedTicketCloser : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly ITicketStore _tickets;
    private readonly TicketDesk _desk;
    private readonly SupportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ResolvedTicketCloser> _log;

    public ResolvedTicketCloser(
        ITicketStore tickets,
        TicketDesk desk,
        IOptions<SupportOptions> options,
        TimeProvider time,
        ILogger<ResolvedTicketCloser> log)
    {
        _tickets = tickets;
        _desk = desk;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    /// <summary>Closes what is due now; returns how many.</summary>
    public async Task<int> CloseDueAsync(CancellationToken cancellationToken)
    {
        var due = await _tickets.ListResolvedBeforeAsync(_time.GetUtcNow() - _options.ReopenWindow, cancellationToken);
        var closed = 0;
        foreach (var ticket in due)
        {
            var result = await _desk.SetStatusAsync(ticket.Number, new DeskActor("system", null), TicketStatus.Closed, cancellationToken);
            closed += result.Succeeded ? 1 : 0;
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex.GetType().Name);
            }

            await Task.Delay(Interval, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing resolved tickets failed ({Failure}); trying again later.")]
    private partial void LogFailed(string failure);
}
