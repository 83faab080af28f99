using System.Threading.Channels;

namespace SupportBot.Core.Handoff;

/// <summary>In-process fan-out of <see cref="TicketEvent"/>s to every live listener. Published after the commit,
/// so a listener that reads the store sees the change. A slow listener loses its oldest events rather than slowing
/// the bot (it can reload); nothing here is the record of truth.</summary>
public sealed class TicketEvents
{
    private readonly Lock _gate = new();
    private readonly List<Channel<TicketEvent>> _listeners = [];

    /// <summary>How many listeners there are now (work done only for listeners can stop when there are none).</summary>
    public int ListenerCount
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    /// <summary>Sends <paramref name="ticketEvent"/> to every listener.</summary>
    public void Publish(TicketEvent ticketEvent)
    {
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(ticketEvent);
            }
        }
    }

    /// <summary>Starts listening; dispose the subscription to stop.</summary>
    public TicketSubscription Subscribe(int capacity = 256)
    {
        var channel = Channel.CreateBounded<TicketEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _listeners.Add(channel);
        }

        return new TicketSubscription(channel.Reader, () =>
        {
            lock (_gate)
            {
                _listeners.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
    }
}

/// <summary>One listener's events; dispose to stop listening.</summary>
public sealed class TicketSubscription : IDisposable
{
    private readonly Action _stop;
    private int _disposed;

    internal TicketSubscription(ChannelReader<TicketEvent> reader, Action stop)
    {
        Reader = reader;
        _stop = stop;
    }

    /// <summary>The events, in publish order.</summary>
    public ChannelReader<TicketEvent> Reader { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop();
        }
    }
}
