using Microsoft.Extensions.Logging;

namespace SupportBot.AI;

/// <summary>The AI's log lines. By design they hold figures and outcomes only: no prompt, no model text, no key.</summary>
internal static partial class AiLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information,
        Message = "AI {Purpose} call took {LatencyMs:F0} ms, {InputTokens} prompt and {OutputTokens} completion tokens")]
    public static partial void Completed(ILogger logger, string purpose, double latencyMs, int? inputTokens, int? outputTokens);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "AI {Purpose} call failed after {LatencyMs:F0} ms ({Failure}); going on without it")]
    public static partial void Failed(ILogger logger, string purpose, double latencyMs, string failure);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information,
        Message = "AI {Purpose} call skipped: the circuit breaker is open after repeated failures")]
    public static partial void BreakerOpen(ILogger logger, string purpose);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information,
        Message = "AI {Purpose} skipped for ticket {Ticket}: the conversation's AI budget is spent")]
    public static partial void OverBudget(ILogger logger, string purpose, long ticket);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning,
        Message = "AI {Purpose} for ticket {Ticket} dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, string purpose, long ticket, string reason);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Information,
        Message = "AI summary stored on ticket {Ticket} ({Characters} characters) {LatencyMs:F0} ms after it was created")]
    public static partial void SummaryStored(ILogger logger, long ticket, int characters, double latencyMs);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Warning,
        Message = "AI summary for ticket {Ticket} failed ({Failure}); the ticket stays without one")]
    public static partial void SummaryFailed(ILogger logger, long ticket, string failure);

    [LoggerMessage(EventId = 1607, Level = LogLevel.Information,
        Message = "AI draft reply for ticket {Ticket} ({Characters} characters, {Passages} knowledge passages) given to the agent")]
    public static partial void ReplyDrafted(ILogger logger, long ticket, int characters, int passages);

    [LoggerMessage(EventId = 1608, Level = LogLevel.Information,
        Message = "AI {Purpose} skipped in a user's turn: the conversation's AI budget is spent")]
    public static partial void TurnOverBudget(ILogger logger, string purpose);

    [LoggerMessage(EventId = 1609, Level = LogLevel.Warning,
        Message = "AI {Purpose} in a user's turn dropped: {Reason}")]
    public static partial void TurnDropped(ILogger logger, string purpose, string reason);
}
