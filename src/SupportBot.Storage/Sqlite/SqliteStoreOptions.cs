namespace SupportBot.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file (configuration section <c>Storage:Sqlite</c>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The default database file, relative to the current directory.</summary>
    public const string DefaultPath = "./data/supportbot.db";

    /// <summary>The database file. Relative paths are resolved against the current directory; the folder is created
    /// when the store opens.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>How long a statement waits for another process's lock before failing with SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
