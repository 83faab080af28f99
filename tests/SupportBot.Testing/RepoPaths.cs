using System.Runtime.CompilerServices;

namespace SupportBot.Testing;

/// <summary>Finds the repository's folders from a test's output directory, so tests use the real dialogs/.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding SupportBot.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The real dialogs folder.</summary>
    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>The shipped JSON Schema of the dialog files.</summary>
    public static string Schema => Path.Combine(Dialogs, "schema", "dialog.schema.json");

    /// <summary>The shipped JSON Schema of the knowledge articles' front matter.</summary>
    public static string KnowledgeSchema => Path.Combine(Dialogs, "schema", "knowledge.schema.json");

    // The build output is normally inside the repository; with --artifacts-path it is not, so the folder this
    // source file was compiled from is the fallback.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }
}
