using Microsoft.Data.Sqlite;
using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests.Scaling;

/// <summary>Every read a turn makes (and the queue views) must find its rows through an index, never by scanning the
/// tickets or conversations, and never sort them all: SQLite's own query plan says which (issue 19). The counts a
/// turn needs come from the counters the triggers keep, checked here against a real count.</summary>
public sealed partial class SqliteQueryPlanTests : IAsyncDisposable
{
    private readonly TempDatabase _database = new();

    public static TheoryData<string, string> PerTurnReads() => new()
    {
        { "load the conversation", SqliteQueries.Load },
        { "was the message processed", SqliteQueries.Processed },
        { "a ticket by number", SqliteQueries.Ticket },
        { "the user's tickets (duplicate check, my tickets)", SqliteQueries.UserTickets },
        { "where the conversation's last ticket ended", SqliteTurnWriter.PreviousTicketEnd },
        { "a ticket's place in the queue", SqliteTicketQueries.QueuePosition },
        {
            "new tickets of one priority (the place of a new ticket)",
            SqliteTicketQueries.Build(new TicketQuery { Statuses = [TicketStatus.New], Priority = TicketPriority.High }, count: true)
        },
        {
            "the console's queue page",
            SqliteTicketQueries.Build(
                new TicketQuery { Statuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.WaitingOnUser], Limit = 200 }, count: false)
        },
        { "GET /api/tickets", SqliteTicketQueries.Build(new TicketQuery(), count: false) },
        { "GET /api/tickets total", SqliteTicketQueries.Build(new TicketQuery(), count: true) },
        { "one status, one priority", SqliteTicketQueries.Build(new TicketQuery { Statuses = [TicketStatus.New], Priority = TicketPriority.Low }, count: false) },
        { "the console's watch for changes", SqliteTicketQueries.Build(new TicketQuery { UpdatedSince = DateTimeOffset.UnixEpoch }, count: false) },
        {
            "first responses of the estimate window",
            "SELECT created_at, first_response_at FROM tickets WHERE created_at >= $since AND first_response_at IS NOT NULL ORDER BY created_at, number"
        },
        { "tickets due to close", SqliteTicketQueries.ResolvedBefore },
    };

    [Theory]
    [MemberData(nameof(PerTurnReads))]
    public async Task UsesAnIndexAndScansNothing(string read, string sql)
    {
        var plan = await PlanAsync(sql);

        // "SCAN tickets" reads every ticket; "SCAN tickets USING INDEX" walks an index in order and stops at the
        // LIMIT. Scanning the counters (a row per status and priority) or a sub-query's page is fine.
        Assert.DoesNotContain(plan, step => ScansATable().IsMatch(step) && !step.Contains("INDEX", StringComparison.Ordinal));

        // A sort over every matching ticket grows with the table; the compound page only sorts its sub-queries' pages.
        if (!sql.Contains("UNION ALL", StringComparison.Ordinal) && !sql.Contains("updated_at >=", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }

        Assert.True(plan.Count > 0, read);
    }

    [Fact]
    public async Task TheCountersFollowEveryInsertAndStatusOrPriorityChange()
    {
        var store = await _database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 12; i++)
        {
            var chat = new Core.Activities.ConversationKey("test", "c" + i);
            var number = await store.NextTicketNumberAsync(ct);
            await store.CommitTurnAsync(
                TestTurns.Turn(chat, 0) with { NewTicket = TestTurns.Ticket(number, chat) with { Priority = (TicketPriority)(i % 4) } }, ct);
            if (i % 3 == 0)
            {
                await store.ApplyTicketChangeAsync(new TicketChange { Number = number, At = TestTurns.T0, Status = TicketStatus.Assigned }, ct);
            }

            if (i % 5 == 0)
            {
                await store.ApplyTicketChangeAsync(new TicketChange { Number = number, At = TestTurns.T0, Priority = TicketPriority.Urgent }, ct);
            }
        }

        await using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        await connection.OpenAsync(ct);
        using var compare = connection.CreateCommand();
        compare.CommandText = """
            SELECT COUNT(*) FROM (
                SELECT status, priority, COUNT(*) AS n FROM tickets GROUP BY status, priority
                EXCEPT SELECT status, priority, count FROM ticket_counts WHERE count > 0)
            """;
        Assert.Equal(0L, (long)(await compare.ExecuteScalarAsync(ct))!);
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            foreach (var priority in Enum.GetValues<TicketPriority>())
            {
                var query = new TicketQuery { Statuses = [status], Priority = priority };
                var listed = await store.QueryTicketsAsync(query with { Limit = 500 }, ct);
                Assert.Equal(listed.Count, await store.CountTicketsAsync(query, ct));
            }
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [System.Text.RegularExpressions.GeneratedRegex(@"^SCAN (tickets|conversations|inbound_messages|transcript|outbox|t|o)\b")]
    private static partial System.Text.RegularExpressions.Regex ScansATable();

    private async Task<List<string>> PlanAsync(string sql)
    {
        var store = await _database.OpenAsync();
        await store.DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[]
        {
            "$channel", "$id", "$message", "$number", "$user", "$s0", "$s1", "$s2", "$priority", "$limit", "$offset",
            "$window", "$since", "$before", "$updated_since",
        })
        {
            explain.Parameters.AddWithValue(name, 1);
        }

        var plan = new List<string>();
        using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.True(plan.Count > 0, "no plan for " + sql);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", plan));
        return plan;
    }
}
