using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Core.Agents;
using SupportBot.Testing;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The bot report against a history seeded through the real router and SQLite store, where the right
/// numbers are known: one self-help success and one abandonment of the deposit problem, one ticket, the same
/// not-understood message twice, one seed phrase caught, a first response after 10 minutes rated 4.</summary>
public sealed class BotReportTests
{
    private const string Seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportFiguresMatchTheSeededHistoryInJsonAndCsv()
    {
        // The report counts whole days ending today, and the history below spans 50 minutes: started near
        // midnight it would fall on yesterday and a one-day report would rightly be empty. So today at noon.
        var time = new ManualTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero));
        await using var host = await ConsoleHost.StartAsync(
            new Dictionary<string, string?> { ["AgentConsole:TimeZone"] = "UTC" },
            builder => builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (_, bobPassword) = await host.AddAgentAsync("bob");

        foreach (var line in new[] { "hello", "qwzx blorf", "my deposit has not arrived", "yes" })
        {
            await host.SayAsync("solved-user", line);
        }

        foreach (var line in new[] { "hello", "QWZX   blorf", "my deposit has not arrived" })
        {
            await host.SayAsync("gave-up-user", line);
        }

        await host.SayAsync("seed-user", "hello");
        await host.SayAsync("seed-user", "my seed phrase is " + Seed);
        var ticket = await host.OpenTicketAsync("ticket-user");
        using var client = await host.SignedInClientAsync("alice", password);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/agent/api/tickets/{ticket}/reply", new { text = "Looking at it now.", lang = "en" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/agent/api/tickets/{ticket}/status", new { value = "resolved" }, Ct)).StatusCode);
        await host.SayAsync("ticket-user", "4");
        time.Advance(TimeSpan.FromMinutes(40)); // past Bot:IdleTimeout: the deposit user who stopped has abandoned

        var report = await client.GetFromJsonAsync<JsonElement>("/agent/api/report?days=1", Ct);

        Assert.Equal(4, report.GetProperty("conversationsByDay").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        var deposit = report.GetProperty("outcomesByProblem").EnumerateArray().Single(o => o.GetProperty("problem").GetString() == "deposit");
        Assert.Equal((1, 0, 1), (deposit.GetProperty("selfHelp").GetInt32(), deposit.GetProperty("ticket").GetInt32(), deposit.GetProperty("abandoned").GetInt32()));
        Assert.Equal(1, report.GetProperty("outcomesByProblem").EnumerateArray().Sum(o => o.GetProperty("ticket").GetInt32()));
        // (The seed-phrase user also stopped, in the flow the exposure started: only deposit's drop-off is checked.)
        var drop = Assert.Single(report.GetProperty("dropOffs").EnumerateArray(), d => d.GetProperty("problem").GetString() == "deposit");
        Assert.Equal(("deposit", "selfHelp", 1), (drop.GetProperty("problem").GetString(), drop.GetProperty("step").GetString(), drop.GetProperty("count").GetInt32()));
        var unrecognized = report.GetProperty("unrecognized").EnumerateArray().Single(u => u.GetProperty("text").GetString()!.Contains("blorf", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, unrecognized.GetProperty("count").GetInt32());
        var secret = Assert.Single(report.GetProperty("secretsCaught").EnumerateArray());
        Assert.Equal(("seedPhrase", 1), (secret.GetProperty("name").GetString(), secret.GetProperty("count").GetInt32()));
        var times = report.GetProperty("timesByPriority").EnumerateArray().Single(t => t.GetProperty("tickets").GetInt32() == 1);
        Assert.Equal(10, times.GetProperty("firstResponseP50").GetDouble());
        Assert.Equal(10, times.GetProperty("resolutionP90").GetDouble());
        var csat = Assert.Single(report.GetProperty("csatByAgent").EnumerateArray());
        Assert.Equal(("alice", 4.0, 1), (csat.GetProperty("name").GetString(), csat.GetProperty("average").GetDouble(), csat.GetProperty("ratings").GetInt32()));
        Assert.DoesNotContain("abandon abandon", report.GetRawText(), StringComparison.Ordinal);

        // The unrecognized message links to its redacted conversation.
        var conversation = await client.GetFromJsonAsync<JsonElement>(
            $"/agent/api/conversations/{unrecognized.GetProperty("channel").GetString()}/{unrecognized.GetProperty("conversationId").GetString()}", Ct);
        Assert.Contains(conversation.EnumerateArray(), l => l.GetProperty("text").GetString()!.Contains("blorf", StringComparison.OrdinalIgnoreCase));

        var csv = await client.GetStringAsync("/agent/api/report.csv?days=1", Ct);
        Assert.Contains("outcome,deposit,self_help,1", csv, StringComparison.Ordinal);
        Assert.Contains("outcome,deposit,abandoned,1", csv, StringComparison.Ordinal);
        Assert.Contains("drop_off,deposit,selfHelp,1", csv, StringComparison.Ordinal);
        Assert.Contains("secrets_caught,seedPhrase,,1", csv, StringComparison.Ordinal);
        Assert.Contains("csat_agent,alice,1,4", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("abandon abandon", csv, StringComparison.Ordinal);

        // Agents do not see it.
        using var bob = await host.SignedInClientAsync("bob", bobPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("/agent/api/report", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("/agent/api/report.csv", Ct)).StatusCode);
    }
}
