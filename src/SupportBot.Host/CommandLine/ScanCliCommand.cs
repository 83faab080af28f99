using System.CommandLine;
using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;
using SupportBot.Host.Commands;

namespace SupportBot.Host.CommandLine;

/// <summary><c>scan [--json] [--lang zh-CN|en]</c>: reads text on stdin and lists the secrets in it, for auditing old exports.</summary>
internal static class ScanCliCommand
{
    public static Command Create(string[] hostArgs)
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
            // Only the dialogs (for the placeholders) and the scanner are resolved: the store is never opened.
            using var host = CommandHost.CreateBuilder(hostArgs).Build();
            var guard = host.Services.GetRequiredService<SafetyGuard>();
            var locale = result.GetValue(lang)!;
            return ScanCommand.Run(
                Console.In,
                Console.Out,
                result.GetValue(json),
                host.Services.GetRequiredService<ISecretScanner>(),
                kind => guard.Label(kind, locale));
        });
        return command;
    }
}
