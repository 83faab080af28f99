using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Tests;

/// <summary>Builders for the commits the tests write. Times carry milliseconds, so a store that drops them fails.
/// </summary>
public static class TestTurns
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static readonly ConversationKey Chat = new("webchat", "chat-1");

    public static byte[] State(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static TurnCommit Turn(ConversationKey conversation, long expectedVersion, int minute = 0) => new()
    {
        Conversation = conversation,
        UserId = "user-1",
        ExpectedVersion = expectedVersion,
        State = State("state-" + expectedVersion),
        At = T0.AddMinutes(minute),
    };

    public static TranscriptLine Line(TranscriptDirection direction, string text, int minute = 0) =>
        new(direction, text, T0.AddMinutes(minute));

    public static NewTicket Ticket(
        long number, ConversationKey conversation, string userId = "user-1", int minute = 0) => new()
        {
            Number = number,
            Conversation = conversation,
            UserId = userId,
            Category = "deposit",
            Priority = TicketPriority.High,
            Locale = "zh-CN",
            Details =
            [
                new TicketDetail("txid", "txid", "0xabc", "0xabc", null),
                new TicketDetail("time", "time", "2025-03-01T11:00:00Z", "3月1日 19:00", "昨天晚上七点"),
            ],
            CreatedAt = T0.AddMinutes(minute),
        };
}
