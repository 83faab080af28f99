using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.Storage.Tests;

/// <summary>The four storage interfaces of one provider, as the contract tests see it.</summary>
public sealed record StoreUnderTest(
    IConversationStore Conversations, ITicketStore Tickets, IOutboxStore Outbox, IAgentDirectory Agents)
{
    /// <summary>Wraps a store that implements all four interfaces.</summary>
    public static StoreUnderTest Of<T>(T store)
        where T : IConversationStore, ITicketStore, IOutboxStore, IAgentDirectory =>
        new(store, store, store, store);
}
