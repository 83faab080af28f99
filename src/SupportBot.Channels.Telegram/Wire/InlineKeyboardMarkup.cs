namespace SupportBot.Channels.Telegram.Wire;

/// <summary>Rows of inline buttons under a message.</summary>
internal sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);
