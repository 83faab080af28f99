using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Reads one update from its JSON into the library's <see cref="Update"/> with the library's settings.
/// Unknown fields and kinds pass (they are ignored later); a malformed update is reported, never thrown, and the
/// caller logs it by its id and size, without its content.</summary>
internal static class UpdateParser
{
    public static bool TryParse(JsonElement json, out Update? update, out long? updateId)
    {
        updateId = json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("update_id", out var id) && id.TryGetInt32(out var value)
                ? value
                : null;
        try
        {
            update = json.Deserialize<Update>(JsonBotAPI.Options);
            return update is not null && updateId is not null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            update = null;
            return false;
        }
    }
}
