using SupportBot.Channels.Discord.Wire;
using SupportBot.Core.Catalog;

namespace SupportBot.Channels.Discord;

/// <summary>The slash commands registered at start-up: <c>/support</c> for users; <c>/claim</c>, <c>/close</c>,
/// <c>/note</c> and <c>/agent</c> for staff when the staff side is on. Descriptions come from the texts.</summary>
internal static class DiscordCommands
{
    public const string Support = "support";
    public const string Claim = "claim";
    public const string Close = "close";
    public const string Note = "note";
    public const string Agent = "agent";
    public const string TextOption = "text";
    public const string CodeOption = "code";

    private const int ChatInput = 1;
    private const int StringOption = 3;

    public static List<CommandDefinition> Definitions(DialogCatalog catalog, bool staff)
    {
        var list = new List<CommandDefinition> { Command(catalog, Support, DiscordTexts.CommandSupport) };
        if (staff)
        {
            list.Add(Command(catalog, Claim, DiscordTexts.CommandClaim) with { Contexts = [0] });
            list.Add(Command(catalog, Close, DiscordTexts.CommandClose) with { Contexts = [0] });
            list.Add(Command(catalog, Note, DiscordTexts.CommandNote) with
            {
                Contexts = [0],
                Options = [Option(catalog, TextOption, DiscordTexts.CommandNoteText)],
            });
            list.Add(Command(catalog, Agent, DiscordTexts.CommandAgent) with
            {
                Contexts = [0],
                Options = [Option(catalog, CodeOption, DiscordTexts.CommandAgentCode)],
            });
        }

        return list;
    }

    private static CommandDefinition Command(DialogCatalog catalog, string name, string key) =>
        new(name, Description(catalog, key), ChatInput, Localizations(catalog, key));

    private static CommandOptionDefinition Option(DialogCatalog catalog, string name, string key) =>
        new(name, Description(catalog, key), StringOption, Required: true, Localizations(catalog, key));

    private static string Description(DialogCatalog catalog, string key) => Clip(catalog.Text(key).Get(Locales.Supported.English));

    // Discord's locale for Simplified Chinese is zh-CN, the same id as ours.
    private static Dictionary<string, string> Localizations(DialogCatalog catalog, string key) =>
        new(StringComparer.Ordinal) { [Locales.Supported.Chinese] = Clip(catalog.Text(key).Get(Locales.Supported.Chinese)) };

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100];
}
