using SupportBot.Host.Composition;

namespace SupportBot.Host.CommandLine;

/// <summary>The host the terminal commands run in: the same settings (program folder, content root, environment,
/// the arguments after <c>--</c>), the same services and the same start-up validation as the service, with stdout
/// left to the command and warnings logged to stderr.</summary>
internal static class CommandHost
{
    public static HostApplicationBuilder CreateBuilder(string[] hostArgs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = Directory.GetCurrentDirectory() });
        ProgramFolderSettings.Add(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSupportBot();
        return builder;
    }
}
