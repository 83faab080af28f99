using SupportBot.Core.Tickets;

namespace SupportBot.Storage;

/// <summary>Argument checks for <see cref="TicketQuery"/>, the same in every store.</summary>
internal static class TicketQueryValidation
{
    public static void Validate(TicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Statuses, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query));
    }
}
