using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Requests;

/// <summary><c>getFile</c>: the path to download a file from (valid for at least an hour).</summary>
internal sealed record GetFileRequest(string FileId) : BotRequest<TelegramFile>("getFile");
