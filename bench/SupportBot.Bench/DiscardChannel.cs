using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Bench;

/// <summary>A channel that accepts every message and sends it nowhere, so the benchmark pays for the outbox round
/// trip (fetch, mark delivered) but not for a network.</summary>
internal sealed class DiscardChannel : IChannelClient
{
    public const string Name = "bench";

    public string Channel => Name;

    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeliveryResult.Delivered);

    public Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeleteOutcome.NotSupported);
}
