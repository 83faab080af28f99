using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Memory;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Bench;

/// <summary>The deposit conversation (with the ticket hand-off: duplicate check, queue place, wait estimate) and the
/// queue views, measured with more and more conversations and tickets already stored. One store grows from size to
/// size; the seeding happens outside the measured window (SQLite: one bulk transaction per step).</summary>
/// <remarks>The seeded history is a steady desk: one ticket every 30 seconds going back in time, 1 % new, 1 %
/// assigned, 1 % waiting on the user, 1 % resolved, the rest closed; every ticket past "new" got a first response 12
/// minutes after creation and a quarter of the closed ones a rating. So a million tickets is about a year of history
/// with the same load per day as a thousand, and
/// resolved tickets only within the reopen window (the host closes older ones).</remarks>
internal static class ScalingBenchmark
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(30);

    // Resolved tickets older than the reopen window (7 days) are closed by the host, so the history has none.
    private static readonly int ReopenWindowTickets = (int)(TimeSpan.FromDays(7) / Spacing);

    public static async Task<List<ScalingResult>> RunAsync(
        DialogCatalog catalog, IReadOnlyList<int> sizes, int conversations, bool sqlite, string dataDir, Action<string> log)
    {
        var results = new List<ScalingResult>();
        var now = DateTimeOffset.UtcNow;
        if (sqlite)
        {
            var path = Path.Combine(dataDir, "scaling.db");
            await using var store = await SqliteBotStore.OpenAsync(new SqliteStoreOptions { Path = path }, TimeProvider.System);
            var seeded = 0;
            foreach (var size in sizes)
            {
                var clock = Stopwatch.StartNew();
                SeedSqlite(path, seeded, size, now);
                log($"SQLite: seeded {size:N0} in {clock.Elapsed.TotalSeconds:F1} s (cumulative)");
                seeded = size;
                results.Add(await MeasureAsync("SQLite", size, catalog, store, store, conversations / 2, deliver: false));
                if (size is 100_000 or 1_000_000)
                {
                    // Kept for the start-up measurement in bench/run.sh.
                    using (var checkpoint = new SqliteConnection($"Data Source={path};Pooling=False"))
                    {
                        checkpoint.Open();
                        using var command = checkpoint.CreateCommand();
                        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                        command.ExecuteNonQuery();
                    }

                    File.Copy(path, Path.Combine(dataDir, $"startup-{size}.db"), overwrite: true);
                }
            }
        }
        else
        {
            var store = new InMemoryBotStore();
            var seeded = 0;
            foreach (var size in sizes)
            {
                var clock = Stopwatch.StartNew();
                await SeedMemoryAsync(store, seeded, size, now);
                log($"in memory: seeded {size:N0} in {clock.Elapsed.TotalSeconds:F1} s (cumulative)");
                seeded = size;
                results.Add(await MeasureAsync("in memory", size, catalog, store, store, conversations, deliver: true));
            }
        }

        return results;
    }

    private static async Task<ScalingResult> MeasureAsync(
        string storeName, int size, DialogCatalog catalog, IConversationStore conversations, ITicketStore tickets,
        int count, bool deliver)
    {
        var (router, dispatcher) = Wire(catalog, conversations, tickets, (IOutboxStore)conversations, (IAgentDirectory)conversations, deliver);
        var prefix = "s" + size;
        await EngineBenchmark.RunConversationsAsync(router, dispatcher, prefix + "-warm", 0, Math.Max(50, count / 10), null);
        var latencies = new long[count * PeerScript.Turns];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await EngineBenchmark.RunConversationsAsync(router, dispatcher, prefix, 0, count, latencies);
        clock.Stop();
        var bytesPerTurn = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)latencies.Length;
        Array.Sort(latencies);

        // The views, each the store reads behind it: the console's queue page (open tickets, 200), the REST list
        // (no filter: a page of 100 and the total) and the dashboard (30 days of first responses and ratings).
        var queuePage = await TimeAsync(() => tickets.QueryTicketsAsync(new TicketQuery
        {
            Statuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.WaitingOnUser],
            Limit = 200,
        }));
        var restList = await TimeAsync(async () =>
        {
            var query = new TicketQuery { Limit = 100 };
            await tickets.QueryTicketsAsync(query);
            return await tickets.CountTicketsAsync(query);
        });
        var dashboard = await TimeAsync(() => tickets.GetStatsAsync(DateTimeOffset.UtcNow.AddDays(-30)));
        return new ScalingResult(
            storeName,
            size,
            latencies.Length / clock.Elapsed.TotalSeconds,
            ToMicroseconds((long)latencies.Average()),
            ToMicroseconds(latencies[latencies.Length / 2]),
            ToMicroseconds(latencies[(int)Math.Ceiling(latencies.Length * 0.99) - 1]),
            bytesPerTurn,
            queuePage,
            restList,
            dashboard);
    }

    private static (ConversationRouter Router, OutboxDispatcher? Dispatcher) Wire(
        DialogCatalog catalog, IConversationStore store, ITicketStore tickets, IOutboxStore outbox, IAgentDirectory agents,
        bool deliver)
    {
        var registry = new RecognizerRegistry();
        var options = new EngineOptions();
        var engine = new DialogEngine(catalog, SlotKinds.All.Select(registry.Get), tickets, agents, options, TimeProvider.System);
        var support = new SupportOptions();
        var queue = new QueueAdvisor(tickets, catalog, support, BusinessHours.Parse(support.BusinessHours, options.TimeZone), TimeProvider.System);
        var handoff = new RouterHandoff(new UserTickets(tickets, catalog, support, queue), queue, new TicketEvents());
        var router = new ConversationRouter(
            engine, new SafetyGuard(new SecretScanner(), catalog), store, catalog, [], TimeProvider.System, handoff: handoff);
        return (router, deliver ? new OutboxDispatcher(outbox, [new DiscardChannel()], TimeProvider.System) : null);
    }

    // Mean of repeated calls in µs (at least 20, or 0.5 s of calls).
    private static async Task<double> TimeAsync<T>(Func<Task<T>> read)
    {
        await read();
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (runs < 20 || (clock.ElapsedMilliseconds < 500 && runs < 2000))
        {
            await read();
            runs++;
        }

        return clock.Elapsed.TotalMicroseconds / runs;
    }

    private static (TicketStatus Status, TicketPriority Priority) Shape(int i) =>
        (
            (i % 100) switch
            {
                0 => TicketStatus.New,
                1 => TicketStatus.Assigned,
                2 => TicketStatus.WaitingOnUser,
                3 when i < ReopenWindowTickets => TicketStatus.Resolved,
                _ => TicketStatus.Closed,
            },
            (i % 10) switch
            {
                0 => TicketPriority.Urgent,
                1 or 2 => TicketPriority.High,
                9 => TicketPriority.Low,
                _ => TicketPriority.Normal,
            });

    // Ticket i of the history was created i + 1 spacings before the run began: each step adds older history, so the
    // recent days (the estimate and dashboard windows) look alike at every size.
    private static DateTimeOffset CreatedAt(int i, DateTimeOffset now) => now - (Spacing * (i + 1));

    private static async Task SeedMemoryAsync(InMemoryBotStore store, int from, int to, DateTimeOffset now)
    {
        var state = new byte[160];
        for (var i = from; i < to; i++)
        {
            var (status, priority) = Shape(i);
            var created = CreatedAt(i, now);
            var key = new ConversationKey("seed", "c" + i);
            var number = await store.NextTicketNumberAsync();
            await store.CommitTurnAsync(new TurnCommit
            {
                Conversation = key,
                UserId = "u" + i,
                ExpectedVersion = 0,
                State = state,
                At = created,
                NewTicket = new NewTicket
                {
                    Number = number,
                    Conversation = key,
                    UserId = "u" + i,
                    Category = "deposit",
                    Priority = priority,
                    Locale = "en",
                    Details = [],
                    CreatedAt = created,
                },
            });
            if (status != TicketStatus.New)
            {
                await store.ApplyTicketChangeAsync(new TicketChange
                {
                    Number = number,
                    At = created.AddMinutes(12),
                    Status = status,
                    FirstResponse = true,
                    Rating = status == TicketStatus.Closed && i % 4 == 0 ? 1 + (i % 5) : null,
                });
            }
        }
    }

    private static void SeedSqlite(string path, int from, int to, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            // A bulk load, not the service: a big page cache and no fsync until the end.
            pragmas.CommandText = "PRAGMA cache_size = -524288; PRAGMA synchronous = OFF";
            pragmas.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var conversation = connection.CreateCommand();
        conversation.CommandText = """
            INSERT INTO conversations (channel, conversation_id, user_id, version, state, last_seq, updated_at)
            VALUES ('seed', $id, $user, 1, $state, 0, $at)
            """;
        var cId = conversation.Parameters.Add("$id", SqliteType.Text);
        var cUser = conversation.Parameters.Add("$user", SqliteType.Text);
        conversation.Parameters.AddWithValue("$state", new byte[160]);
        var cAt = conversation.Parameters.Add("$at", SqliteType.Integer);
        using var ticket = connection.CreateCommand();
        ticket.CommandText = """
            INSERT INTO tickets (number, channel, conversation_id, user_id, category, priority, status, secret_exposed,
                locale, details, transcript_from_seq, transcript_to_seq, created_at, updated_at, version,
                first_response_at, resolved_at, closed_at, rating, rated_at)
            VALUES ($number, 'seed', $id, $user, 'deposit', $priority, $status, 0, 'en', '[]', 1, 0, $at, $updated, 2,
                $first, $resolved, $closed, $rating, $rated)
            """;
        var p = ticket.Parameters;
        var tNumber = p.Add("$number", SqliteType.Integer);
        var tId = p.Add("$id", SqliteType.Text);
        var tUser = p.Add("$user", SqliteType.Text);
        var tPriority = p.Add("$priority", SqliteType.Integer);
        var tStatus = p.Add("$status", SqliteType.Text);
        var tAt = p.Add("$at", SqliteType.Integer);
        var tUpdated = p.Add("$updated", SqliteType.Integer);
        var tFirst = p.Add("$first", SqliteType.Integer);
        var tResolved = p.Add("$resolved", SqliteType.Integer);
        var tClosed = p.Add("$closed", SqliteType.Integer);
        var tRating = p.Add("$rating", SqliteType.Integer);
        var tRated = p.Add("$rated", SqliteType.Integer);
        conversation.Prepare();
        ticket.Prepare();

        // Numbers far above the live sequence, so the bench's own tickets never collide with the history.
        for (var i = from; i < to; i++)
        {
            var (status, priority) = Shape(i);
            var created = CreatedAt(i, now).ToUnixTimeMilliseconds();
            var answered = created + (12 * 60 * 1000);
            var id = "c" + i;
            cId.Value = id;
            cUser.Value = "u" + i;
            cAt.Value = created;
            conversation.ExecuteNonQuery();
            tNumber.Value = 10_000_000_000L + i;
            tId.Value = id;
            tUser.Value = "u" + i;
            tPriority.Value = (int)priority;
            tStatus.Value = status switch
            {
                TicketStatus.New => "new",
                TicketStatus.Assigned => "assigned",
                TicketStatus.WaitingOnUser => "waiting_on_user",
                TicketStatus.Resolved => "resolved",
                _ => "closed",
            };
            tAt.Value = created;
            var isNew = status == TicketStatus.New;
            tUpdated.Value = isNew ? created : answered;
            tFirst.Value = isNew ? DBNull.Value : answered;
            tResolved.Value = status == TicketStatus.Resolved ? answered : DBNull.Value;
            tClosed.Value = status == TicketStatus.Closed ? answered : DBNull.Value;
            var rated = status == TicketStatus.Closed && i % 4 == 0;
            tRating.Value = rated ? 1 + (i % 5) : DBNull.Value;
            tRated.Value = rated ? answered : DBNull.Value;
            ticket.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

/// <summary>One store at one size.</summary>
internal sealed record ScalingResult(
    string Store,
    int Size,
    double TurnsPerSecond,
    double MeanMicroseconds,
    double P50Microseconds,
    double P99Microseconds,
    double BytesPerTurn,
    double QueuePageMicroseconds,
    double RestListMicroseconds,
    double DashboardMicroseconds);
