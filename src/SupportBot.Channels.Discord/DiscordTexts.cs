using SupportBot.Core.Catalog;

namespace SupportBot.Channels.Discord;

/// <summary>The keys of the channel's texts in <c>dialogs/texts/discord.yaml</c>.</summary>
public static class DiscordTexts
{
    public const string Promise = "discord.promise";
    public const string DmOpened = "discord.support.dmOpened";
    public const string DmClosed = "discord.support.dmClosed";
    public const string SupportInDm = "discord.support.inDm";
    public const string Flood = "discord.flood";
    public const string UseSupport = "discord.guild.useSupport";
    public const string SecretDeleted = "discord.guild.secretDeleted";
    public const string AgentSignature = "discord.agentSignature";
    public const string CommandSupport = "discord.command.support";
    public const string CommandClaim = "discord.command.claim";
    public const string CommandClose = "discord.command.close";
    public const string CommandNote = "discord.command.note";
    public const string CommandNoteText = "discord.command.noteText";
    public const string CommandAgent = "discord.command.agent";
    public const string CommandAgentCode = "discord.command.agentCode";
    public const string ThreadSummary = "discord.thread.summary";
    public const string ThreadDetail = "discord.thread.detail";
    public const string ThreadHowTo = "discord.thread.howTo";
    public const string ThreadUserLine = "discord.thread.userLine";
    public const string ThreadUnreachable = "discord.thread.unreachable";
    public const string ThreadAiSummary = "discord.thread.aiSummary";
    public const string NotAgent = "discord.staff.notAgent";
    public const string NotTicketThread = "discord.staff.notTicketThread";
    public const string Claimed = "discord.staff.claimed";
    public const string AlreadyClaimed = "discord.staff.alreadyClaimed";
    public const string Closed = "discord.staff.closed";
    public const string NoteAdded = "discord.staff.noteAdded";
    public const string Failed = "discord.staff.failed";
    public const string AgentValid = "discord.staff.agentValid";
    public const string AgentInactive = "discord.staff.agentInactive";
    public const string AgentUnknown = "discord.staff.agentUnknown";

    /// <summary>Every key the channel uses.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(DiscordTexts).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Throws naming the first key <paramref name="catalog"/> lacks (or lacks a locale of).</summary>
    public static void Check(DialogCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var key in All)
        {
            if (!catalog.Texts.TryGetValue(key, out var text))
            {
                throw new InvalidOperationException(
                    $"The dialogs define no text '{key}', which the Discord channel needs (dialogs/texts/discord.yaml).");
            }

            foreach (var locale in Locales.All)
            {
                if (!text.Locales.Contains(locale))
                {
                    throw new InvalidOperationException($"The text '{key}' has no {locale} version (dialogs/texts/discord.yaml).");
                }
            }
        }
    }
}
