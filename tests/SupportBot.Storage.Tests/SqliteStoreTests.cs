using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
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
    public async Task AnAgentCodeIsFoundIgnoringCase()
    {
        var store = await _database.OpenAsync();
        await using (var connection = new SqliteConnection($"Data Source={_database.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO agents (code, display_name, active) VALUES ('AG-7Q2', 'Lin', 1)";
            await insert.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(new AgentIdentity("AG-7Q2", "Lin", true), await store.FindByCodeAsync("ag-7q2", Ct));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    protected override async Task<StoreUnderTest> CreateStoreAsync() => StoreUnderTest.Of(await _database.OpenAsync());
}
