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

    /// <summary>Opens a ticket in a conversation of its own (version 0 → 1) and returns it as stored.</summary>
    public static async Task<Ticket> OpenTicketAsync(
        StoreUnderTest store,
        TicketPriority priority = TicketPriority.Normal,
        int minute = 0,
        string channel = "webchat",
        string category = "deposit")
    {
        var ct = TestContext.Current.CancellationToken;
        var number = await store.Tickets.NextTicketNumberAsync(ct);
        var chat = new ConversationKey(channel, "chat-" + number);
        await store.Conversations.CommitTurnAsync(
            Turn(chat, 0, minute) with
            {
                Transcript = [Line(TranscriptDirection.User, "help", minute)],
                NewTicket = Ticket(number, chat, minute: minute) with { Priority = priority, Category = category },
            },
            ct);
        return (await store.Tickets.GetTicketAsync(number, ct))!;
    }

    public static TicketChange Change(long number, int minute = 0) =>
        new() { Number = number, At = T0.AddMinutes(minute) };
}
