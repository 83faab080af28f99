using System.CommandLine;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Host.Composition;
using SupportBot.Host.ConsoleChannel;

namespace SupportBot.Host.CommandLine;

/// <summary><c>chat [--lang zh-CN|en] [--user ID] [--json]</c>: the console channel.</summary>
internal static class ChatCommand
{
    public static Command Create(string[] hostArgs)
    {
        var lang = new Option<string?>("--lang") { Description = "The language when your first message does not show one: zh-CN or en." };
        lang.AcceptOnlyFromAmong(Locales.All.ToArray());
        var user = new Option<string>("--user")
        {
            Description = "Your user id; the same id continues the same conversation.",
            DefaultValueFactory = _ => "local",
        };
        var json = new Option<bool>("--json") { Description = "Print each bot message as one JSON object per line." };
        var command = new Command("chat", "Chat with the bot in this terminal (one line = one message).")
        {
            lang, user, json,
        };
        command.SetAction((result, ct) => RunAsync(
            hostArgs, result.GetValue(lang), result.GetValue(user)!, result.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] hostArgs, string? lang, string user, bool json, CancellationToken ct)
    {
        // stdout belongs to the conversation (and to scripts reading --json).
        var builder = CommandHost.CreateBuilder(hostArgs);
        builder.Services.AddSingleton(new ConsoleReplyWriter(Console.Out, json));
        builder.Services.AddSingleton<ConsoleChannelClient>();
        builder.Services.AddSingleton<IChannelClient>(sp => sp.GetRequiredService<ConsoleChannelClient>());
        builder.Services.AddSingleton<ConsoleChatSession>();
        using var host = builder.Build();
        host.Services.ValidateSupportBot();

        var interactive = !Console.IsInputRedirected;
        if (interactive)
        {
            await Console.Error.WriteLineAsync("SupportBot console: type a message, a number to pick a choice, /attach PATH to send a file, Ctrl-D to quit.");
        }

        var session = host.Services.GetRequiredService<ConsoleChatSession>();
        return await session.RunAsync(Console.In, Console.Error, user, lang, interactive ? "> " : null, ct);
    }
}
