using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Tickets;

/// <summary>A ticket as the dialog engine creates it.</summary>
public sealed record NewTicket
{
    /// <summary>The human-friendly number the user quotes (reserved from the store's sequence).</summary>
    public required long Number { get; init; }

    /// <summary>The conversation it came from; replies go back there.</summary>
    public required ConversationKey Conversation { get; init; }

    /// <summary>The channel's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The name the user's channel shows for them (Telegram or Discord profile name), so agents see a person
    /// rather than an id; null when the channel has none or the name held anything the safety guard flags.</summary>
    public string? UserName { get; init; }

    /// <summary>The problem id (category), e.g. <c>deposit</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Priority from the dialog and the safety guard.</summary>
    public required TicketPriority Priority { get; init; }

    /// <summary>The user exposed a seed phrase or private key in this conversation.</summary>
    public bool SecretExposed { get; init; }

    /// <summary>The conversation's locale, so agents and later messages use it.</summary>
    public required string Locale { get; init; }

    /// <summary>The gathered details.</summary>
    public required IReadOnlyList<TicketDetail> Details { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
