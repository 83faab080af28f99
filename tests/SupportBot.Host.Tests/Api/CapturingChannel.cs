using System.Threading.Channels;
using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Host.Tests.Api;

/// <summary>A chat channel whose "users" are the test: every message the host's outbox delivers lands here.</summary>
public sealed class CapturingChannel : IChannelClient
{
    public const string Name = "apitest";

    private readonly Channel<OutboxMessage> _delivered = System.Threading.Channels.Channel.CreateUnbounded<OutboxMessage>();

    public string Channel => Name;

    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        _delivered.Writer.TryWrite(message);
        return Task.FromResult(DeliveryResult.Delivered);
    }

    public Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeleteOutcome.NotSupported);

    /// <summary>Waits (at most 10 s) for a delivered message that matches.</summary>
    public async Task<OutboxMessage> WaitForAsync(Func<OutboxMessage, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _delivered.Reader.ReadAsync(timeout.Token);
            if (match(message))
            {
                return message;
            }
        }
    }
}
