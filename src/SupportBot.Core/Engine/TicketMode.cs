namespace SupportBot.Core.Engine;

/// <summary>A ticket step outside the dialog flow. Stored as a number: keep the values stable.</summary>
public enum TicketMode
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Everything the user sends is added to <see cref="ConversationState.TicketFocus"/> until "done".</summary>
    AddingInfo = 1,

    /// <summary>The user rated the ticket; the next message is the optional comment.</summary>
    RatingComment = 2,
}
