namespace SupportBot.Core.Routing;

/// <summary>One async lock per key, created on demand and dropped when nobody holds or waits for it, so turns of
/// one conversation run one at a time while different conversations run in parallel.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class KeyedLock<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries = [];

    /// <summary>Waits for the key's lock; dispose the result to release it.</summary>
    public async ValueTask<IDisposable> AcquireAsync(TKey key, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    /// <summary>Keys currently held or waited for (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Release(TKey key, Entry entry, bool held)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }

        if (held)
        {
            entry.Semaphore.Release();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(KeyedLock<TKey> owner, TKey key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key, entry, held: true);
            }
        }
    }
}
