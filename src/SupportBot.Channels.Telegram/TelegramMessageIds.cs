using System.Globalization;

namespace SupportBot.Channels.Telegram;

/// <summary>The router's message id for a Telegram update: <c>u{update_id}:{message_id}</c>. The update id makes a
/// redelivered update a duplicate the router drops; the message id is what deleteMessage needs.</summary>
internal static class TelegramMessageIds
{
    public static string For(long updateId, long? messageId) =>
        messageId is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"u{updateId}:{id}")
            : string.Create(CultureInfo.InvariantCulture, $"u{updateId}");

    public static int? MessageIdOf(string messageId)
    {
        var colon = messageId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(messageId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }
}
