using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Storage;

namespace SupportBot.Host.AgentConsole.Report;

/// <summary>The support lead's report (admins): <c>GET /agent/api/report?days=N</c> as JSON for the dashboard,
/// <c>GET /agent/api/report.csv?days=N</c> as CSV (one row per figure: section, key, sub-key, value), and
/// <c>GET /agent/api/conversations/{channel}/{id}</c>, the redacted conversation an unrecognized message links to.
/// Days are whole days in the console's time zone, ending today.</summary>
internal static class ReportEndpoints
{
    // A period's transcript is read in one pass; past this many lines the report says it is truncated.
    private const int MaxLines = 500_000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/report", async (int? days, HttpContext http) =>
            await BuildAsync(http, days) is { } report ? Results.Ok(report) : Forbidden(http));
        api.MapGet("/report.csv", async (int? days, HttpContext http) =>
        {
            if (await BuildAsync(http, days) is not { } report)
            {
                return Forbidden(http);
            }

            var name = "bot-report-" + report.Since + "-" + report.Until + ".csv";
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BotReportCsv.Write(report))).ToArray(), "text/csv; charset=utf-8", name);
        });
        api.MapGet("/conversations/{channel}/{id}", async (string channel, string id, HttpContext http, IReportStore store) =>
        {
            if (await AgentPrincipal.CurrentAsync(http) is not { Role: AgentRole.Admin })
            {
                return Forbidden(http);
            }

            var lines = await store.GetConversationAsync(new ConversationKey(channel, id), http.RequestAborted);
            return Results.Ok(lines.Select(l => new ConsoleLine(l.Seq, AgentJson.Direction(l.Direction), l.Text, l.At, l.AttachmentNames)).ToList());
        });
    }

    private static async Task<BotReport?> BuildAsync(HttpContext http, int? days)
    {
        if (await AgentPrincipal.CurrentAsync(http) is not { Role: AgentRole.Admin })
        {
            return null;
        }

        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<AgentConsoleOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var span = Math.Clamp(days ?? 7, 1, 366);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var start = today.AddDays(1 - span);
        var since = new DateTimeOffset(start, zone.GetUtcOffset(start));
        var end = today.AddDays(1);
        var until = new DateTimeOffset(end, zone.GetUtcOffset(end));
        var store = services.GetRequiredService<IReportStore>();
        var lines = await store.GetTranscriptLinesAsync(since, until, MaxLines + 1, http.RequestAborted);
        var tickets = await store.ListTicketsCreatedAsync(since, until, http.RequestAborted);
        var idle = services.GetRequiredService<IOptions<EngineOptions>>().Value.IdleTimeout;
        var builder = new BotReportBuilder(services.GetRequiredService<DialogCatalog>());
        var truncated = lines.Count > MaxLines;
        return builder.Build(
            truncated ? [.. lines.Take(MaxLines)] : lines, tickets, since, until, now, idle, zone, ConsoleTexts.Language(http), truncated);
    }

    private static IResult Forbidden(HttpContext http) =>
        Results.Json(ConsoleTexts.Error(http, ConsoleTexts.AdminOnly), statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>The report as CSV: <c>section,key,subkey,value</c>, one figure a row, so a spreadsheet can pivot it.</summary>
internal static class BotReportCsv
{
    public static string Write(BotReport report)
    {
        var csv = new StringBuilder("section,key,subkey,value\r\n");
        void Row(string section, string key, string subkey, object? value) =>
            csv.Append(Field(section)).Append(',').Append(Field(key)).Append(',').Append(Field(subkey)).Append(',')
                .Append(Field(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append("\r\n");

        Row("period", report.Since, report.Until, report.TimeZone);
        foreach (var d in report.ConversationsByDay)
        {
            Row("conversations", d.Day, d.Channel, d.Count);
        }

        foreach (var o in report.OutcomesByProblem)
        {
            Row("outcome", o.Problem, "self_help", o.SelfHelp);
            Row("outcome", o.Problem, "ticket", o.Ticket);
            Row("outcome", o.Problem, "abandoned", o.Abandoned);
        }

        foreach (var d in report.DropOffs)
        {
            Row("drop_off", d.Problem, d.Step, d.Count);
        }

        foreach (var u in report.Unrecognized)
        {
            Row("unrecognized", u.Text, u.Channel + "/" + u.ConversationId, u.Count);
        }

        foreach (var s in report.SecretsCaught)
        {
            Row("secrets_caught", s.Name, "", s.Count);
        }

        foreach (var t in report.TimesByPriority)
        {
            Row("tickets", t.Priority, "count", t.Tickets);
            Row("first_response_minutes", t.Priority, "p50", t.FirstResponseP50);
            Row("first_response_minutes", t.Priority, "p90", t.FirstResponseP90);
            Row("resolution_minutes", t.Priority, "p50", t.ResolutionP50);
            Row("resolution_minutes", t.Priority, "p90", t.ResolutionP90);
        }

        foreach (var c in report.CsatByAgent)
        {
            Row("csat_agent", c.Name, c.Ratings.ToString(CultureInfo.InvariantCulture), c.Average);
        }

        foreach (var c in report.CsatByProblem)
        {
            Row("csat_problem", c.Name, c.Ratings.ToString(CultureInfo.InvariantCulture), c.Average);
        }

        return csv.ToString();
    }

    // RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run user text as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
