using SupportBot.Storage.Attachments;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage;

/// <summary>Which store the bot uses (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The durable SQLite store (the default).</summary>
    public const string SqliteProvider = "Sqlite";

    /// <summary>The in-memory store: nothing survives a restart.</summary>
    public const string MemoryProvider = "Memory";

    /// <summary><see cref="SqliteProvider"/> or <see cref="MemoryProvider"/> (case-insensitive).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Settings of the SQLite store (<c>Storage:Sqlite</c>).</summary>
    public SqliteStoreOptions Sqlite { get; set; } = new();

    /// <summary>Settings of the attachment files, used with either provider (<c>Storage:Attachments</c>).</summary>
    public AttachmentStoreOptions Attachments { get; set; } = new();
}
