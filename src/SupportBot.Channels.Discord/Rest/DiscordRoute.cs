namespace SupportBot.Channels.Discord.Rest;

/// <summary>One REST call's address. <see cref="Template"/> (never the filled path, which may hold an interaction
/// token) is what logs and exceptions show; <see cref="Major"/> is the top-level resource the rate limits are kept
/// per.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">E.g. <c>POST /channels/{channel_id}/messages</c>.</param>
/// <param name="Path">The filled path relative to the API base, without a leading slash.</param>
/// <param name="Major">The channel, guild or webhook id the limit belongs to.</param>
/// <param name="IsInteraction">Interaction endpoints: no bot auth, not under the global limit.</param>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string Major, bool IsInteraction = false)
{
    /// <summary>The key of the route's own queue.</summary>
    public string Key => Method.Method + " " + Template + " " + Major;

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", "gateway/bot", "");

    public static DiscordRoute OpenDm() => new(HttpMethod.Post, "/users/@me/channels", "users/@me/channels", "");

    public static DiscordRoute CreateMessage(string channel) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", $"channels/{channel}/messages", channel);

    public static DiscordRoute EditMessage(string channel, string message) =>
        new(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", $"channels/{channel}/messages/{message}", channel);

    public static DiscordRoute DeleteMessage(string channel, string message) =>
        new(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", $"channels/{channel}/messages/{message}", channel);

    public static DiscordRoute TriggerTyping(string channel) =>
        new(HttpMethod.Post, "/channels/{channel_id}/typing", $"channels/{channel}/typing", channel);

    public static DiscordRoute CreateThread(string channel) =>
        new(HttpMethod.Post, "/channels/{channel_id}/threads", $"channels/{channel}/threads", channel);

    public static DiscordRoute InteractionCallback(string id, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{id}/{Uri.EscapeDataString(token)}/callback", id, IsInteraction: true);

    public static DiscordRoute EditOriginal(string application, string token) =>
        new(HttpMethod.Patch, "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            $"webhooks/{application}/{Uri.EscapeDataString(token)}/messages/@original", application + "/" + token, IsInteraction: true);

    public static DiscordRoute Followup(string application, string token) =>
        new(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}",
            $"webhooks/{application}/{Uri.EscapeDataString(token)}", application + "/" + token, IsInteraction: true);

    public static DiscordRoute PutCommands(string application, string? guild) => string.IsNullOrEmpty(guild)
        ? new(HttpMethod.Put, "/applications/{application_id}/commands", $"applications/{application}/commands", application)
        : new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands",
            $"applications/{application}/guilds/{guild}/commands", guild);
}
