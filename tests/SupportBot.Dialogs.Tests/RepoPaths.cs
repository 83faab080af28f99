using System.Runtime.CompilerServices;

namespace SupportBot.Dialogs.Tests;

/// <summary>Finds the repository (the folder holding SupportBot.sln) and its real <c>dialogs/</c> folder.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped <c>dialogs/</c> folder.</summary>
    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>The shipped schema.</summary>
    public static string Schema => Path.Combine(Dialogs, "schema", "dialog.schema.json");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        // Builds with --artifacts-path put the binaries outside the tree, so fall back to this file's source path.
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
