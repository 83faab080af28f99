using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
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
    }

    [Fact]
    public async Task TheMemoryProviderRegistersTheInMemoryStore()
    {
        await using var services = Build(("Storage:Provider", "memory"));

        Assert.IsType<InMemoryBotStore>(services.GetRequiredService<IOutboxStore>());
        Assert.Same(services.GetRequiredService<IOutboxStore>(), services.GetRequiredService<IConversationStore>());
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
