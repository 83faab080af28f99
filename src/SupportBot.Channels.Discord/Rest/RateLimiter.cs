using System.Collections.Concurrent;

namespace SupportBot.Channels.Discord.Rest;

/// <summary>Discord's rate limits as the headers describe them: one queue per route (requests of a route go one at a
/// time, in order), a shared state per bucket and top-level resource (routes Discord puts in one
/// <c>X-RateLimit-Bucket</c> wait together), and a global pause that holds every non-interaction request. Waits go
/// through <see cref="TimeProvider"/>.</summary>
internal sealed class RateLimiter
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _routeGates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _globalGate = new();
    private DateTimeOffset _globalUntil;

    public RateLimiter(TimeProvider time) => _time = time;

    /// <summary>Takes the route's turn; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(DiscordRoute route, CancellationToken ct)
    {
        var gate = _routeGates.GetOrAdd(route.Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    /// <summary>How long the route must still wait before its next request; zero means it may go now, and then the
    /// request is counted against its bucket at once, so another route of the same bucket does not send into a
    /// bucket this one has just emptied (the response's headers correct the count).</summary>
    public TimeSpan Reserve(DiscordRoute route)
    {
        var now = _time.GetUtcNow();
        var wait = TimeSpan.Zero;
        if (!route.IsInteraction)
        {
            lock (_globalGate)
            {
                if (_globalUntil > now)
                {
                    wait = _globalUntil - now;
                }
            }
        }

        if (_buckets.TryGetValue(StateKey(route), out var state))
        {
            lock (state)
            {
                if (state.Remaining <= 0 && state.ResetAt > now && state.ResetAt - now > wait)
                {
                    wait = state.ResetAt - now;
                }
                else if (wait == TimeSpan.Zero && state.ResetAt > now)
                {
                    state.Remaining--;
                }
            }
        }

        return wait;
    }

    /// <summary>Learns from a response's headers.</summary>
    public void Update(DiscordRoute route, RateLimitInfo info, bool tooMany)
    {
        var now = _time.GetUtcNow();
        if (tooMany && info.IsGlobal)
        {
            lock (_globalGate)
            {
                var until = now + (info.RetryAfter ?? TimeSpan.FromSeconds(1));
                if (until > _globalUntil)
                {
                    _globalUntil = until;
                }
            }

            return;
        }

        if (info.Bucket is { } bucket)
        {
            _bucketOfRoute[route.Key] = bucket;
        }

        var state = _buckets.GetOrAdd(StateKey(route), _ => new BucketState());
        lock (state)
        {
            if (tooMany)
            {
                state.Remaining = 0;
                state.ResetAt = now + (info.RetryAfter ?? info.ResetAfter ?? TimeSpan.FromSeconds(1));
            }
            else if (info.Remaining is { } remaining)
            {
                state.Remaining = remaining;
                state.ResetAt = now + (info.ResetAfter ?? TimeSpan.Zero);
            }
        }
    }

    private string StateKey(DiscordRoute route) =>
        (_bucketOfRoute.TryGetValue(route.Key, out var bucket) ? bucket : route.Key) + "|" + route.Major;

    private sealed class BucketState
    {
        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
