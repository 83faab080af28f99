using System.Threading.Channels;
using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Updates the webhook accepted, waiting for the worker; the endpoint answers 200 as soon as one is queued.
/// An update id seen recently is not queued again (Telegram redelivers when our answer was slow); the router's
/// message ids drop a redelivery that comes later.</summary>
internal sealed class WebhookQueue
{
    private const int Remembered = 4096;

    private readonly Channel<Update> _updates = Channel.CreateUnbounded<Update>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _order = new();

    public ChannelReader<Update> Reader => _updates.Reader;

    /// <summary>Queues the update; false when it was seen already.</summary>
    public bool TryEnqueue(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_seen)
        {
            if (!_seen.Add(update.UpdateId))
            {
                return false;
            }

            _order.Enqueue(update.UpdateId);
            if (_order.Count > Remembered)
            {
                _seen.Remove(_order.Dequeue());
            }
        }

        return _updates.Writer.TryWrite(update);
    }
}
