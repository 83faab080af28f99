using SupportBot.Core.Channels;
using SupportBot.Core.Routing;

namespace SupportBot.Host.Delivery;

/// <summary>One delivery loop per registered channel (the console drains its own outbox after each turn): drains
/// when a commit signals new replies, and polls every <see cref="PollInterval"/> for retries that came due. A store
/// failure is logged and retried; the loop never dies while the host runs.</summary>
internal sealed partial class OutboxDeliveryService : BackgroundService
{
    /// <summary>How often a loop looks for due retries when nothing signalled it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly OutboxDispatcher _dispatcher;
    private readonly OutboxSignal _signal;
    private readonly IEnumerable<IChannelClient> _channels;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDeliveryService> _log;

    public OutboxDeliveryService(
        OutboxDispatcher dispatcher,
        OutboxSignal signal,
        IEnumerable<IChannelClient> channels,
        TimeProvider time,
        ILogger<OutboxDeliveryService> log)
    {
        _dispatcher = dispatcher;
        _signal = signal;
        _channels = channels;
        _time = time;
        _log = log;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_channels
            .Where(c => c.Channel != ConsoleChannel.ConsoleChannelClient.Name)
            .Select(c => RunAsync(c.Channel, stoppingToken)));

    private async Task RunAsync(string channel, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: drain again before sleeping.
                var sent = await _dispatcher.DrainAsync(channel, cancellationToken: stoppingToken);
                if (sent > 0)
                {
                    continue;
                }

                await _signal.WaitAsync(channel, PollInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The exception type only: the store's message may quote a row.
                LogDrainFailed(channel, ex.GetType().Name);
                await Task.Delay(PollInterval, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering the {Channel} outbox failed ({Failure}); retrying.")]
    private partial void LogDrainFailed(string channel, string failure);
}
