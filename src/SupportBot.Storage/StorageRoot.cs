using Microsoft.Extensions.Options;
using SupportBot.Storage.Memory;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage;

/// <summary>The one store instance behind all the storage interfaces in the container (not the attachment files). Opening SQLite is async, but
/// a DI factory is not; it opens synchronously at first resolution, which happens once, at start-up, when the
/// router or the host first asks for a store. The container disposes it, closing the database.</summary>
internal sealed class StorageRoot : IAsyncDisposable, IDisposable
{
    public StorageRoot(IOptions<StorageOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value; // throws OptionsValidationException naming Storage:Provider when invalid
        Store = StorageOptionsValidator.IsMemory(settings)
            ? new InMemoryBotStore()
            : SqliteBotStore.OpenAsync(settings.Sqlite, timeProvider).GetAwaiter().GetResult();
    }

    /// <summary>The store; it implements every storage interface.</summary>
    public object Store { get; }

    public void Dispose() => (Store as IDisposable)?.Dispose();

    public ValueTask DisposeAsync() => Store is IAsyncDisposable store ? store.DisposeAsync() : ValueTask.CompletedTask;
}
