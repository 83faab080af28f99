using Microsoft.Extensions.Configuration.Json;

namespace SupportBot.Host.Composition;

/// <summary>Reads the appsettings.json copied next to the program as the lowest-priority settings, so the program
/// started from any folder (a service manager, a test) still has the shipped defaults; an appsettings.json in the
/// content root, environment variables and arguments override it.</summary>
public static class ProgramFolderSettings
{
    /// <summary>Inserts the program folder's appsettings.json before every other source.</summary>
    public static void Add(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path))
        {
            return;
        }

        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}
