using System.Globalization;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;

namespace SupportBot.Host.AgentConsole;

/// <summary>The dashboard's numbers: open tickets by priority, median first-response time (overall and per day) and
/// average CSAT per day, over the last <c>days</c> days (default 30). The page draws them as SVG charts.</summary>
internal static class DashboardEndpoint
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/dashboard", GetAsync);

    private static async Task<IResult> GetAsync(int? days, ITicketStore tickets, TimeProvider time, HttpContext http)
    {
        var span = Math.Clamp(days ?? 30, 1, 365);
        var now = time.GetUtcNow();
        var since = now.AddDays(-span);
        var stats = await tickets.GetStatsAsync(since, http.RequestAborted);
        var open = Enum.GetValues<TicketPriority>()
            .Select(p => new DashboardCount(AgentJson.Priority(p), stats.OpenByPriority.GetValueOrDefault(p)))
            .ToList();
        var minutes = stats.FirstResponses.Select(f => (f.FirstResponseAt - f.CreatedAt).TotalMinutes).ToList();
        var responseByDay = stats.FirstResponses
            .GroupBy(f => Day(f.CreatedAt))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DashboardPoint(g.Key, Median([.. g.Select(f => (f.FirstResponseAt - f.CreatedAt).TotalMinutes)]) ?? 0, g.Count()))
            .ToList();
        var csatByDay = stats.Ratings
            .GroupBy(r => Day(r.At))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DashboardPoint(g.Key, Math.Round(g.Average(r => r.Rating), 2), g.Count()))
            .ToList();
        return TypedResults.Ok(new Dashboard(span, open, Median(minutes), responseByDay, csatByDay));
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.Round(median, 1);
    }
}

/// <summary>The dashboard.</summary>
public sealed record Dashboard(
    int Days,
    IReadOnlyList<DashboardCount> OpenByPriority,
    double? MedianFirstResponseMinutes,
    IReadOnlyList<DashboardPoint> FirstResponseByDay,
    IReadOnlyList<DashboardPoint> CsatByDay);

/// <summary>A count for a bar chart.</summary>
public sealed record DashboardCount(string Label, int Count);

/// <summary>A day's value (median minutes or average rating) and how many tickets it is over.</summary>
public sealed record DashboardPoint(string Day, double Value, int Count);
