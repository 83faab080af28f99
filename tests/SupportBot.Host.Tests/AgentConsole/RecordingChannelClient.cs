using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>A chat channel named <c>test</c> that keeps what the outbox delivers to it, for tests to wait on.</summary>
public sealed class RecordingChannelClient : IChannelClient
{
    public const string Name = "test";

    private readonly List<OutboxMessage> _delivered = [];
    private readonly System.Threading.Channels.Channel<OutboxMessage> _arrivals = System.Threading.Channels.Channel.CreateUnbounded<OutboxMessage>();

    public string Channel => Name;

    public IReadOnlyList<OutboxMessage> Delivered
    {
        get
        {
            lock (_delivered)
            {
                return [.. _delivered];
            }
        }
    }

    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        lock (_delivered)
        {
            _delivered.Add(message);
        }

        _arrivals.Writer.TryWrite(message);
        return Task.FromResult(DeliveryResult.Delivered);
    }

    public Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeleteOutcome.Deleted);

    /// <summary>Waits for a delivered message that matches.</summary>
    public async Task<OutboxMessage> WaitForAsync(Func<OutboxMessage, bool> match, CancellationToken cancellationToken)
    {
        var found = Delivered.FirstOrDefault(match);
        while (found is null)
        {
            var next = await _arrivals.Reader.ReadAsync(cancellationToken);
            if (match(next))
            {
                found = next;
            }
        }

        return found;
    }
}
