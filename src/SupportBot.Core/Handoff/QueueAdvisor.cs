using System.Globalization;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>Tells a user waiting for an agent where they stand: their place among the unclaimed tickets, a wait
/// estimate from the median first-response time of recent tickets, and, outside business hours, when agents are
/// back (urgent tickets still alert the on-call person).</summary>
/// <remarks>Every new ticket is told its place and the wait, so neither may cost more as tickets pile up: the place
/// comes from the store's per-priority counters (one O(1) count per priority), and the wait is a cached median of
/// the window's first responses, computed again at most once per <see cref="WaitRefresh"/> of the caller's clock
/// and, given a <see cref="TimeProvider"/>, by a timer in the background so no turn waits for it.</remarks>
public sealed class QueueAdvisor : IDisposable
{
    /// <summary>How old a cached wait estimate may be before it is computed again.</summary>
    public static readonly TimeSpan WaitRefresh = TimeSpan.FromMinutes(1);

    private readonly ITicketStore _tickets;
    private readonly DialogCatalog _catalog;
    private readonly SupportOptions _options;
    private readonly BusinessHours _hours;
    private readonly TimeProvider? _time;
    private readonly ITimer? _refresh;
    private CachedWait? _wait;

    /// <summary>Creates the advisor; with <paramref name="time"/>, a timer keeps the wait estimate fresh (every half
    /// <see cref="WaitRefresh"/>) so turns only read it.</summary>
    public QueueAdvisor(
        ITicketStore tickets, DialogCatalog catalog, SupportOptions options, BusinessHours hours, TimeProvider? time = null)
    {
        _tickets = tickets;
        _catalog = catalog;
        _options = options;
        _hours = hours;
        _time = time;
        _refresh = time?.CreateTimer(static self => _ = ((QueueAdvisor)self!).RefreshInBackgroundAsync(), this, WaitRefresh / 2, WaitRefresh / 2);
    }

    /// <summary>The business hours.</summary>
    public BusinessHours Hours => _hours;

    /// <summary>The place a ticket of <paramref name="priority"/> created now would take: 1 + the unclaimed tickets
    /// of the same or higher priority (they were all created earlier).</summary>
    public async Task<int> PositionForNewAsync(TicketPriority priority, CancellationToken cancellationToken = default)
    {
        var ahead = 0;
        for (var p = TicketPriority.Urgent; p <= priority; p++)
        {
            ahead += await _tickets.CountTicketsAsync(
                new TicketQuery { Statuses = [TicketStatus.New], Priority = p }, cancellationToken);
        }

        return ahead + 1;
    }

    /// <summary>The median time to a first response over the estimate window, or null with no data. Cached: at most
    /// <see cref="WaitRefresh"/> old by <paramref name="now"/>.</summary>
    public async Task<TimeSpan?> TypicalWaitAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _wait) is { } cached && now >= cached.At && now - cached.At < WaitRefresh)
        {
            return cached.Wait;
        }

        return await ComputeWaitAsync(now, cancellationToken);
    }

    /// <summary>Stops the refresh timer.</summary>
    public void Dispose() => _refresh?.Dispose();

    private async Task<TimeSpan?> ComputeWaitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stats = await _tickets.GetStatsAsync(now - _options.EstimateWindow, cancellationToken);
        TimeSpan? wait = null;
        if (stats.FirstResponses.Count > 0)
        {
            var waits = stats.FirstResponses.Select(r => r.FirstResponseAt - r.CreatedAt).Order().ToArray();
            var middle = waits.Length / 2;
            wait = waits.Length % 2 == 1 ? waits[middle] : (waits[middle - 1] + waits[middle]) / 2;
        }

        Volatile.Write(ref _wait, new CachedWait(now, wait));
        return wait;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await ComputeWaitAsync(_time!.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception)
        {
            // A failed refresh (the database busy or closing) keeps the old estimate; the next turn or tick tries
            // again. Nothing to tell anyone: the estimate is advice.
        }
    }

    private sealed record CachedWait(DateTimeOffset At, TimeSpan? Wait);

    /// <summary>What to tell the user about their wait, in their language.</summary>
    public async Task<string> DescribeAsync(
        int position, TicketPriority priority, string locale, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>(3)
        {
            Text(TextKeys.QueuePosition, locale, ("position", position.ToString(CultureInfo.InvariantCulture))),
        };
        if (!_hours.IsOpen(now))
        {
            var opening = _hours.NextOpening(now);
            lines.Add(Text(TextKeys.QueueOutsideHours, locale, ("opens", FormatOpening(opening, locale))));
            if (priority == TicketPriority.Urgent)
            {
                lines.Add(Text(TextKeys.QueueOnCall, locale));
            }
        }
        else if (await TypicalWaitAsync(now, cancellationToken) is { } wait)
        {
            lines.Add(Text(TextKeys.QueueWait, locale, ("wait", FormatWait(wait, locale))));
        }

        return string.Join("\n", lines);
    }

    /// <summary>A wait in words ("about 15 minutes"), from the <c>queue.wait.*</c> texts.</summary>
    public string FormatWait(TimeSpan wait, string locale)
    {
        if (wait < TimeSpan.FromMinutes(1))
        {
            return Text(TextKeys.WaitUnderMinute, locale);
        }

        if (wait < TimeSpan.FromHours(1))
        {
            return Text(TextKeys.WaitMinutes, locale, ("n", Number((int)Math.Ceiling(wait.TotalMinutes))));
        }

        return wait < TimeSpan.FromDays(2)
            ? Text(TextKeys.WaitHours, locale, ("n", Number((int)Math.Round(wait.TotalHours, MidpointRounding.AwayFromZero))))
            : Text(TextKeys.WaitDays, locale, ("n", Number((int)Math.Round(wait.TotalDays, MidpointRounding.AwayFromZero))));
    }

    private string FormatOpening(DateTimeOffset opening, string locale)
    {
        var offset = opening.Offset;
        var zone = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return opening.ToString(Text(TextKeys.OpeningFormat, locale), CultureInfo.InvariantCulture) + " " + zone;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private string Text(string key, string locale, params (string Name, string Value)[] args) =>
        _catalog.Text(key).Format(locale, args);
}
