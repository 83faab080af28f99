using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Storage.Sqlite;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The storage contract against a real SQLite file per test, plus what only a file-backed store has.</summary>
public sealed class SqliteStoreTests : StoreContractTests, IAsyncDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task DataSurvivesClosingAndReopeningTheFile()
    {
        var first = await _database.OpenAsync();
        var number = await first.NextTicketNumberAsync(Ct);
        await first.CommitTurnAsync(
            Turn(Chat, 0) with
            {
                State = State("kept"),
                InboundMessageId = "m-1",
                Transcript = [Line(TranscriptDirection.User, "hello")],
                NewTicket = Ticket(number, Chat),
                Outbox = [BotReply.Plain("reply")],
            },
            Ct);
        await first.DisposeAsync();

        var reopened = await _database.OpenAsync();

        Assert.Equal(State("kept"), (await reopened.LoadAsync(Chat, Ct))!.State);
        Assert.True(await reopened.WasProcessedAsync(Chat, "m-1", Ct));
        Assert.Equal("hello", Assert.Single(await reopened.GetTranscriptAsync(Chat, 1, Ct)).Text);
        Assert.NotNull(await reopened.GetTicketAsync(number, Ct));
        Assert.Equal("reply", Assert.Single(await reopened.FetchPendingAsync(Chat.Channel, T0, 10, Ct)).Reply.Text);
        Assert.Equal(number + 1, await reopened.NextTicketNumberAsync(Ct));
    }

    [Fact]
    public async Task ApplyingTheMigrationsAgainIsHarmless()
    {
        var store = await _database.OpenAsync();
        await store.CommitTurnAsync(Turn(Chat, 0), Ct);
        await store.NextTicketNumberAsync(Ct);

        await using (var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await SqliteMigrations.ApplyAsync(connection, T0, Ct);
            await SqliteMigrations.ApplyAsync(connection, T0, Ct);
            Assert.Equal(SqliteMigrations.LatestVersion, await SqliteMigrations.CurrentVersionAsync(connection, Ct));
        }

        var reopened = await _database.OpenAsync();
        Assert.Equal(1, (await reopened.LoadAsync(Chat, Ct))!.Version);
        Assert.Equal(100002, await reopened.NextTicketNumberAsync(Ct));
    }

    [Fact]
    public async Task TheConsolesChangedSinceLookUpUsesAnIndexNotATableScan()
    {
        await _database.OpenAsync();

        await using var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN SELECT number FROM tickets WHERE updated_at >= 0";
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("ix_tickets_updated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentCommitsToDifferentConversationsAllLand()
    {
        var store = await _database.OpenAsync();
        const int Tasks = 8;
        const int Commits = 200;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(
            async () =>
            {
                var key = new ConversationKey("webchat", "chat-" + t);
                for (var version = 0; version < Commits; version++)
                {
                    await store.CommitTurnAsync(
                        Turn(key, version) with
                        {
                            InboundMessageId = "m-" + version,
                            Transcript = [Line(TranscriptDirection.User, "q"), Line(TranscriptDirection.Bot, "a")],
                            Outbox = [BotReply.Plain("a")],
                        },
                        Ct);
                }
            },
            Ct)));

        for (var t = 0; t < Tasks; t++)
        {
            var key = new ConversationKey("webchat", "chat-" + t);
            Assert.Equal(Commits, (await store.LoadAsync(key, Ct))!.Version);
            Assert.Equal(Commits * 2, (await store.GetTranscriptAsync(key, 1, Ct)).Count);
        }

        Assert.Equal(Tasks * Commits, (await store.FetchPendingAsync("webchat", T0, 100_000, Ct)).Count);
    }

    [Fact]
    public async Task OpeningWhereNoFileCanBeCreatedFailsNamingThePath()
    {
        // A folder path that runs through a regular file cannot be created, even by root.
        var blocker = Path.Combine(_database.Folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x", Ct);
        var path = Path.Combine(blocker, "supportbot.db");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => SqliteBotStore.OpenAsync(new SqliteStoreOptions { Path = path }, TimeProvider.System, Ct));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedDatabaseFailsTheCommitWithASqliteExceptionAndWritesNothing()
    {
        var store = await _database.OpenAsync(TimeSpan.FromMilliseconds(50));
        await using var other = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False");
        await other.OpenAsync(Ct);
        await using var exclusive = other.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        await exclusive.ExecuteNonQueryAsync(Ct);

        await Assert.ThrowsAsync<SqliteException>(() => store.CommitTurnAsync(Turn(Chat, 0), Ct));

        exclusive.CommandText = "ROLLBACK";
        await exclusive.ExecuteNonQueryAsync(Ct);
        Assert.Null(await store.LoadAsync(Chat, Ct));
        Assert.Equal(1, await store.CommitTurnAsync(Turn(Chat, 0), Ct));
    }

    [Fact]
    public async Task AVersion1DatabaseIsMigratedKeepingItsTicketsAndAgents()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var v1 = connection.CreateCommand();
            v1.CommandText =
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);"
                + SqliteMigrations.All[0]
                + """
                INSERT INTO schema_version (version, applied_at) VALUES (1, 0);
                INSERT INTO conversations VALUES ('webchat', 'chat-1', 'user-1', 3, x'00', 2, 0);
                INSERT INTO transcript VALUES ('webchat', 'chat-1', 1, 'user', 'hello', NULL, 1740830400123);
                INSERT INTO transcript VALUES ('webchat', 'chat-1', 2, 'bot', 'hi', NULL, 1740830400123);
                INSERT INTO tickets VALUES (100001, 'webchat', 'chat-1', 'user-1', 'deposit', 1, 'new', 0, 'zh-CN',
                    '[{"i":"txid","k":"txid","v":"0xabc","d":"0xabc"}]', 1, 2, 1740830400123, 1740830400123, 1);
                UPDATE ticket_numbers SET next = 100002;
                INSERT INTO outbox (channel, conversation_id, reply, created_at, attempts, next_attempt_at)
                    VALUES ('webchat', 'chat-1', '{"t":"old reply","n":100001}', 1740830400123, 0, 1740830400123);
                INSERT INTO agents (code, display_name, active) VALUES ('AG-7Q2', 'Lin', 1);
                """;
            await v1.ExecuteNonQueryAsync(Ct);
        }

        var store = await _database.OpenAsync();

        var ticket = await store.GetTicketAsync(100001, Ct);
        Assert.NotNull(ticket);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(T0, ticket.CreatedAt);
        Assert.Equal("0xabc", Assert.Single(ticket.Details).Value);
        Assert.False(ticket.Unreachable);
        Assert.Null(ticket.AssigneeId);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Empty(ticket.Attachments);
        Assert.Equal(1, await store.QueuePositionAsync(100001, Ct));
        Assert.Equal(1, await store.CountTicketsAsync(new TicketQuery { Statuses = [TicketStatus.New] }, Ct));
        var reply = Assert.Single(await store.FetchPendingAsync("webchat", T0, 10, Ct)).Reply;
        Assert.Equal(("old reply", 100001L, (AgentSignature?)null), (reply.Text, reply.TicketNumber!.Value, reply.Agent));
        Assert.Equal(new AgentIdentity("AG-7Q2", "Lin", true), await store.FindByCodeAsync("ag-7q2", Ct));
        var agent = Assert.Single(await store.ListAgentsAsync(Ct));
        Assert.Equal(("Lin", AgentRole.Agent), (agent.Name, agent.Role));
        Assert.Equal("", await store.GetPasswordHashAsync(agent.Id, Ct));
        Assert.Equal(100002, await store.NextTicketNumberAsync(Ct));

        var changed = await store.ApplyTicketChangeAsync(
            Change(100001, 1) with
            {
                Status = TicketStatus.Assigned,
                Transcript = [Line(TranscriptDirection.Agent, "on it", 1)],
            },
            Ct);
        Assert.Equal(2, changed!.Version);
        Assert.Equal(3, (await store.GetTranscriptAsync(Chat, 1, Ct))[^1].Seq);
        await using (var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            Assert.Equal(SqliteMigrations.LatestVersion, await SqliteMigrations.CurrentVersionAsync(connection, Ct));
        }
    }

    [Fact]
    public async Task DeskAgentAndChannelDataSurviveReopening()
    {
        var first = await _database.OpenAsync();
        var store = StoreUnderTest.Of(first);
        var ticket = await OpenTicketAsync(store, TicketPriority.High);
        TicketAttachment shot = new("id-1", "shot.png", "image/png", 10, T0);
        await first.ApplyTicketChangeAsync(
            Change(ticket.Number, 1) with
            {
                Status = TicketStatus.Resolved,
                Assignee = new AssigneeChange(7, "Lin"),
                FirstResponse = true,
                UserMessage = true,
                Rating = 4,
                RatingComment = "good",
                AddAttachments = [shot],
                Note = new TicketNote(0, 7, "Lin", "note", T0.AddMinutes(1)),
                History = [new TicketHistoryEntry(T0.AddMinutes(1), "agent:Lin", "status", "new → resolved")],
            },
            Ct);
        var agent = await first.CreateAgentAsync(new NewAgent("Lin", AgentRole.Admin, "SB-1", "hash", T0), Ct);
        await first.LinkAgentAsync(agent.Id, new AgentLink("telegram", "111"), Ct);
        await first.SetCursorAsync("telegram.offset", "42", Ct);
        await first.SetTicketLinkAsync("telegram", ticket.Number, "topic-7", Ct);
        var before = await first.GetTicketAsync(ticket.Number, Ct);
        await first.DisposeAsync();

        var reopened = await _database.OpenAsync();

        Assert.Equivalent(before, await reopened.GetTicketAsync(ticket.Number, Ct), strict: true);
        Assert.Equal([shot], (await reopened.GetTicketAsync(ticket.Number, Ct))!.Attachments);
        Assert.Equal("note", Assert.Single(await reopened.GetNotesAsync(ticket.Number, Ct)).Text);
        Assert.Equal(2, (await reopened.GetHistoryAsync(ticket.Number, Ct)).Count);
        Assert.Equal([(T0.AddMinutes(1), 4)], (await reopened.GetStatsAsync(T0, Ct)).Ratings);
        Assert.Equal(agent.Id, (await reopened.FindAgentByLinkAsync("telegram", "111", Ct))?.Id);
        Assert.Equal("hash", await reopened.GetPasswordHashAsync(agent.Id, Ct));
        Assert.Equal("42", await reopened.GetCursorAsync("telegram.offset", Ct));
        Assert.Equal(ticket.Number, await reopened.FindTicketByLinkAsync("telegram", "topic-7", Ct));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override async Task<StoreUnderTest> CreateStoreAsync() => StoreUnderTest.Of(await _database.OpenAsync());
}
