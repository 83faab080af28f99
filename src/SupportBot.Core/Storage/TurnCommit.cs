using SupportBot.Core.Activities;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Storage;

/// <summary>Everything one turn changes, written in one transaction: the new state, the transcript lines, a new
/// ticket, ticket flags, and the replies for the outbox. Either all of it is stored or none.</summary>
public sealed record TurnCommit
{
    /// <summary>The conversation.</summary>
    public required ConversationKey Conversation { get; init; }

    /// <summary>The channel's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The version loaded at the start of the turn (0 for a new conversation).</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The engine's serialized state after the turn.</summary>
    public required byte[] State { get; init; }

    /// <summary>The channel message id of the inbound message, remembered so a redelivery is dropped.</summary>
    public string? InboundMessageId { get; init; }

    /// <summary>Lines to append to the conversation's transcript.</summary>
    public IReadOnlyList<TranscriptLine> Transcript { get; init; } = [];

    /// <summary>A ticket to create (its number was reserved with <see cref="ITicketStore.NextTicketNumberAsync"/>).</summary>
    public NewTicket? NewTicket { get; init; }

    /// <summary>Existing tickets to mark urgent with the "secret exposed" flag.</summary>
    public IReadOnlyList<long> MarkSecretExposed { get; init; } = [];

    /// <summary>Changes to the user's existing tickets (details added, reopened, rated, closed by the user, a
    /// relayed message), applied in the same transaction; their transcript and outbox lists must be empty (the
    /// turn's own lists carry those).</summary>
    public IReadOnlyList<TicketChange> TicketChanges { get; init; } = [];

    /// <summary>Replies to enqueue for delivery, in order.</summary>
    public IReadOnlyList<BotReply> Outbox { get; init; } = [];

    /// <summary>When the turn happened.</summary>
    public required DateTimeOffset At { get; init; }
}
