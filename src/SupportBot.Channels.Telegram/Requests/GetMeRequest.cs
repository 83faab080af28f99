using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>getMe</c>: the bot's own account.</summary>
internal sealed record GetMeRequest() : BotRequest<User>("getMe");
