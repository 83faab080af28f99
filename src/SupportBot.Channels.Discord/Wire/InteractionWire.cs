using System.Text.Json;

namespace SupportBot.Channels.Discord.Wire;

// Interactions and application commands (protocols.md B.7, B.8).

/// <summary>An interaction received over the gateway.</summary>
internal sealed record Interaction(
    string Id,
    int Type,
    string Token,
    string? ApplicationId = null,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    DiscordChannel? Channel = null,
    DiscordMember? Member = null,
    DiscordUser? User = null,
    DiscordMessage? Message = null,
    string? Locale = null);

/// <summary>The data of a command or component interaction.</summary>
internal sealed record InteractionData(
    string? Name = null,
    string? CustomId = null,
    int? ComponentType = null,
    IReadOnlyList<CommandOptionValue>? Options = null);

/// <summary>An option the user filled in a slash command.</summary>
internal sealed record CommandOptionValue(string Name, int Type, JsonElement Value);

/// <summary>The body of <c>POST /interactions/{id}/{token}/callback</c>.</summary>
internal sealed record InteractionCallback(int Type, InteractionCallbackData? Data = null);

/// <summary>The message of an interaction callback.</summary>
internal sealed record InteractionCallbackData(
    string? Content = null,
    int? Flags = null,
    IReadOnlyList<ActionRow>? Components = null,
    AllowedMentions? AllowedMentions = null);

/// <summary>A slash command to register.</summary>
internal sealed record CommandDefinition(
    string Name,
    string Description,
    int Type,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations = null,
    IReadOnlyList<CommandOptionDefinition>? Options = null,
    IReadOnlyList<int>? Contexts = null);

/// <summary>An option of a slash command.</summary>
internal sealed record CommandOptionDefinition(
    string Name,
    string Description,
    int Type,
    bool? Required = null,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations = null);
