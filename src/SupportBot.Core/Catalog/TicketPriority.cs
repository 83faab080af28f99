namespace SupportBot.Core.Catalog;

/// <summary>How soon a ticket must be handled; lower value = more urgent (sorts first).</summary>
public enum TicketPriority
{
    /// <summary>First in the queue: funds at risk now.</summary>
    Urgent = 0,

    /// <summary>Money is involved.</summary>
    High = 1,

    /// <summary>The default.</summary>
    Normal = 2,

    /// <summary>Questions that can wait.</summary>
    Low = 3,
}
