namespace SupportBot.Channels.Telegram.Wire;

/// <summary>A callback button; <see cref="CallbackData"/> is 1–64 bytes of UTF-8.</summary>
internal sealed record InlineKeyboardButton(string Text, string? CallbackData);
