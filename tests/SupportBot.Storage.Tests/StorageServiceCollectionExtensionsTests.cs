using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Core.Agents;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Storage.Attachments;
using SupportBot.Storage.Memory;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IAsyncDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task SqliteIsTheDefaultAndOneStoreServesAllFourInterfaces()
    {
        await using var services = Build(("Storage:Sqlite:Path", _database.DatabasePath));

        var conversations = services.GetRequiredService<IConversationStore>();

        var sqlite = Assert.IsType<SqliteBotStore>(conversations);
        Assert.Equal(_database.DatabasePath, sqlite.DatabasePath);
        Assert.True(File.Exists(_database.DatabasePath));
        Assert.Same(conversations, services.GetRequiredService<ITicketStore>());
        Assert.Same(conversations, services.GetRequiredService<IOutboxStore>());
        Assert.Same(conversations, services.GetRequiredService<IAgentDirectory>());
        Assert.Same(conversations, services.GetRequiredService<IAgentStore>());
        Assert.Same(conversations, services.GetRequiredService<IChannelStateStore>());
    }

    [Fact]
    public async Task TheMemoryProviderRegistersTheInMemoryStore()
    {
        await using var services = Build(("Storage:Provider", "memory"));

        Assert.IsType<InMemoryBotStore>(services.GetRequiredService<IOutboxStore>());
        Assert.Same(services.GetRequiredService<IOutboxStore>(), services.GetRequiredService<IConversationStore>());
        Assert.Same(services.GetRequiredService<IOutboxStore>(), services.GetRequiredService<IAgentStore>());
        Assert.Same(services.GetRequiredService<IAgentStore>(), services.GetRequiredService<IAgentDirectory>());
        Assert.Same(services.GetRequiredService<IOutboxStore>(), services.GetRequiredService<IChannelStateStore>());
    }

    [Fact]
    public async Task AttachmentsDefaultToDataAttachmentsUnderTheContentRootWithA10MiBLimit()
    {
        await using var services = Build(("Storage:Provider", "memory"));

        var store = Assert.IsType<FileAttachmentStore>(services.GetRequiredService<IAttachmentStore>());

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "attachments"), store.Folder);
        Assert.Equal(10 * 1024 * 1024, store.MaxBytes);
        Assert.False(Directory.Exists(store.Folder) && Directory.EnumerateFiles(store.Folder).Any());
    }

    [Fact]
    public async Task TheAttachmentSettingsAreBound()
    {
        var folder = Path.Combine(_database.Folder, "files");
        await using var services = Build(
            ("Storage:Provider", "memory"), ("Storage:Attachments:Path", folder), ("Storage:Attachments:MaxBytes", "5"));

        var store = Assert.IsType<FileAttachmentStore>(services.GetRequiredService<IAttachmentStore>());

        Assert.Equal(folder, store.Folder);
        Assert.Equal(5, store.MaxBytes);
    }

    [Theory]
    [InlineData("Storage:Attachments:MaxBytes", "0")]
    [InlineData("Storage:Attachments:MaxBytes", "-1")]
    [InlineData("Storage:Attachments:Path", " ")]
    public async Task BadAttachmentSettingsFailNamingTheKey(string key, string value)
    {
        await using var services = Build(("Storage:Provider", "memory"), (key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IAttachmentStore>());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownProviderFailsNamingTheKeyAndTheAllowedValues()
    {
        await using var services = Build(("Storage:Provider", "Mongo"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ITicketStore>());

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Mongo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("Memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARelativePathIsResolvedAgainstTheCurrentDirectory()
    {
        var relative = Path.Combine("storage-tests-" + Guid.NewGuid().ToString("N"), "bot.db");
        try
        {
            await using var services = Build(("Storage:Sqlite:Path", relative));

            var store = Assert.IsType<SqliteBotStore>(services.GetRequiredService<IConversationStore>());

            Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), relative), store.DatabasePath);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetFullPath(relative))!, recursive: true);
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSupportBotStorage(configuration).BuildServiceProvider();
    }
}
