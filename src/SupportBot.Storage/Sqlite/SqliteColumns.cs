using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Sqlite;

/// <summary>How enum and time values are written to columns. Directions and statuses are stored as names, so
/// reordering a C# enum can never reinterpret old rows; priority keeps its documented number (lower = more urgent)
/// so the agent queue can sort on it. Times are UTC unix milliseconds, exact to the millisecond.</summary>
internal static class SqliteColumns
{
    public static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static string ToText(TranscriptDirection direction) => direction switch
    {
        TranscriptDirection.User => "user",
        TranscriptDirection.Bot => "bot",
        TranscriptDirection.Agent => "agent",
        TranscriptDirection.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown transcript direction."),
    };

    public static TranscriptDirection ToDirection(string text) => text switch
    {
        "user" => TranscriptDirection.User,
        "bot" => TranscriptDirection.Bot,
        "agent" => TranscriptDirection.Agent,
        "system" => TranscriptDirection.System,
        _ => throw new InvalidOperationException($"Unknown transcript direction '{text}' in the database."),
    };

    public static string ToText(TicketStatus status) => status switch
    {
        TicketStatus.New => "new",
        TicketStatus.Assigned => "assigned",
        TicketStatus.WaitingOnUser => "waiting_on_user",
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown ticket status."),
    };

    public static TicketStatus ToStatus(string text) => text switch
    {
        "new" => TicketStatus.New,
        "assigned" => TicketStatus.Assigned,
        "waiting_on_user" => TicketStatus.WaitingOnUser,
        "resolved" => TicketStatus.Resolved,
        "closed" => TicketStatus.Closed,
        _ => throw new InvalidOperationException($"Unknown ticket status '{text}' in the database."),
    };
}
