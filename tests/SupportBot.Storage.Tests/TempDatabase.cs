using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests;

/// <summary>A folder of its own for one test's database files; disposing closes the stores opened in it and
/// deletes it.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly List<SqliteBotStore> _stores = [];

    public TempDatabase() => Directory.CreateDirectory(Folder);

    public string Folder { get; } =
        Path.Combine(Path.GetTempPath(), "supportbot-storage-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "db", "supportbot.db");

    /// <summary>Opens a store on <see cref="DatabasePath"/> (a second call opens the same file again).</summary>
    public async Task<SqliteBotStore> OpenAsync(TimeSpan? busyTimeout = null)
    {
        var options = new SqliteStoreOptions { Path = DatabasePath };
        if (busyTimeout is { } timeout)
        {
            options.BusyTimeout = timeout;
        }

        var store = await SqliteBotStore.OpenAsync(options, TimeProvider.System, TestContext.Current.CancellationToken);
        _stores.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
