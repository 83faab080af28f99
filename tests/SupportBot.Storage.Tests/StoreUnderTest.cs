using SupportBot.Core.Agents;
using SupportBot.Core.Storage;

namespace SupportBot.Storage.Tests;

/// <summary>The storage interfaces of one provider, as the contract tests see it.</summary>
public sealed record StoreUnderTest(
    IConversationStore Conversations,
    ITicketStore Tickets,
    IOutboxStore Outbox,
    IAgentStore Agents,
    IChannelStateStore ChannelState)
{
    /// <summary>Wraps a store that implements all the interfaces.</summary>
    public static StoreUnderTest Of<T>(T store)
        where T : IConversationStore, ITicketStore, IOutboxStore, IAgentStore, IChannelStateStore =>
        new(store, store, store, store, store);
}
