using System.Text.Json.Nodes;

namespace SupportBot.Channels.Telegram.Tests;

internal static class JsonExtensions
{
    public static JsonObject Also(this JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
