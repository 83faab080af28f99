using System.Text.Json;
using SupportBot.Channels.Telegram.Wire;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Reads one update from its JSON. Unknown fields and kinds pass (they are ignored later); a malformed
/// update is reported, never thrown, and the caller logs it without its content.</summary>
internal static class UpdateParser
{
    public static bool TryParse(JsonElement json, out Update? update, out long? updateId)
    {
        updateId = json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value)
                ? value
                : null;
        try
        {
            update = json.Deserialize(TelegramJson.Default.Update);
            return update is not null && updateId is not null;
        }
        catch (JsonException)
        {
            update = null;
            return false;
        }
    }
}
