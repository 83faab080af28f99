using System.CommandLine;
using Microsoft.Extensions.Options;
using SupportBot.Dialogs;
using SupportBot.Host.Composition;
using SupportBot.Host.Web;

namespace SupportBot.Host.CommandLine;

/// <summary>Dispatches the command line: <c>chat</c> and <c>scan</c> are commands; anything else starts the service
/// host, and its arguments (<c>--urls</c>, <c>--Bot:TimeZone=UTC</c> …) go to ASP.NET Core's configuration.</summary>
public static class SupportBotCommandLine
{
    private static readonly string[] Commands = ["chat", "scan", "agent"];

    /// <summary>Runs and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args.Length > 0 && Commands.Contains(args[0]))
            {
                var hostArgs = args.SkipWhile(a => a != "--").Skip(1).ToArray();
                var root = new RootCommand("SupportBot") { ChatCommand.Create(hostArgs), ScanCliCommand.Create(hostArgs), AgentCliCommand.Create(hostArgs) };
                // Our own handler below prints start-up errors without a stack trace and exits with 2.
                var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
                return await root.Parse(args.TakeWhile(a => a != "--").ToArray()).InvokeAsync(invocation);
            }

            return await SupportBotWebHost.RunAsync(args);
        }
        catch (Exception ex) when (ex is StartupException or DialogLoadException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
