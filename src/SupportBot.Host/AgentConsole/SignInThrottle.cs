using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.AgentConsole;

/// <summary>Limits sign-in attempts (.NET's rate limiters, fixed one-minute windows): per address and name, so
/// guessing one agent's password is slow, and per address, so trying many names is slow too.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perName;
    private readonly PartitionedRateLimiter<string> _perAddress;

    /// <summary>Creates the limiters from the options.</summary>
    public SignInThrottle(IOptions<AgentConsoleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _perName = Create(o.SignInAttemptsPerMinute);
        _perAddress = Create(o.SignInAttemptsPerMinutePerAddress);
    }

    /// <summary>Takes one attempt for <paramref name="address"/> and <paramref name="name"/>; null when allowed,
    /// otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string address, string name)
    {
        using var byAddress = _perAddress.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }

        using var byName = _perName.AttemptAcquire(address + "\n" + name.Trim().ToUpperInvariant());
        return byName.IsAcquired ? null : RetryAfter(byName);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _perName.Dispose();
        _perAddress.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Create(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
