namespace SupportBot.Core.Tickets;

/// <summary>An internal note: agents see it, the user never does.</summary>
/// <param name="Id">Store-assigned id.</param>
/// <param name="AgentId">Who wrote it.</param>
/// <param name="AgentName">Their name when they wrote it.</param>
/// <param name="Text">The note (passed through the outbound guard's secret scan before it is stored).</param>
/// <param name="At">When.</param>
public sealed record TicketNote(long Id, long AgentId, string AgentName, string Text, DateTimeOffset At);
