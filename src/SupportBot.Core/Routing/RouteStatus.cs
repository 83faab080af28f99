namespace SupportBot.Core.Routing;

/// <summary>What became of an inbound message.</summary>
public enum RouteStatus
{
    /// <summary>Processed and stored; the replies are in the outbox.</summary>
    Processed,

    /// <summary>Already processed before (a redelivery); nothing was done.</summary>
    Duplicate,

    /// <summary>The store failed; nothing was stored. The replies say so and must be sent directly.</summary>
    StoreUnavailable,
}
