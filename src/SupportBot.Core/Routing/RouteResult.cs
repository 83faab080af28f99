using SupportBot.Core.Activities;

namespace SupportBot.Core.Routing;

/// <summary>The outcome of routing one message.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Replies">The replies of the turn (already in the outbox when <see cref="RouteStatus.Processed"/>).</param>
/// <param name="TicketNumber">The ticket the turn created, if any.</param>
public sealed record RouteResult(RouteStatus Status, IReadOnlyList<BotReply> Replies, long? TicketNumber = null);
