namespace SupportBot.Host.Api.Wire;

/// <summary>A page of the queue: urgent first, then oldest first.</summary>
/// <param name="Items">The tickets of this page.</param>
/// <param name="Total">How many tickets match the filters, over all pages.</param>
/// <param name="Limit">The page size used.</param>
/// <param name="Offset">The offset used.</param>
public sealed record TicketListDto(IReadOnlyList<TicketDto> Items, int Total, int Limit, int Offset);
