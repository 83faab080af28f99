using System.CommandLine;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Dialogs;
using SupportBot.Host.Commands;
using SupportBot.Host.Composition;

namespace SupportBot.Host.CommandLine;

/// <summary><c>scan [--json]</c>: reads text on stdin and lists the secrets in it, for auditing old exports.</summary>
internal static class ScanCliCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON." };
        var lang = new Option<string>("--lang")
        {
            Description = "Language of the placeholders in the redacted text: zh-CN or en.",
            DefaultValueFactory = _ => Locales.Supported.English,
        };
        lang.AcceptOnlyFromAmong(Locales.All.ToArray());
        var command = new Command("scan", "Read text on stdin and print the secrets found in it (never the secrets).")
        {
            json, lang,
        };
        command.SetAction(result =>
        {
            var options = new DialogsOptions();
            var directory = options.Resolve(Directory.GetCurrentDirectory())
                ?? throw new StartupException("Configuration error: Dialogs:Path 'dialogs' is not a folder.");
            var catalog = DialogCatalogLoader.Load(directory);
            var locale = result.GetValue(lang)!;
            return ScanCommand.Run(
                Console.In,
                Console.Out,
                result.GetValue(json),
                new SecretScanner(),
                kind => catalog.Text(TextKeys.Removed(kind)).Get(locale));
        });
        return command;
    }
}
