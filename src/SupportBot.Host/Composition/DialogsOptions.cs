namespace SupportBot.Host.Composition;

/// <summary>Where the dialog files are; bound from the <c>Dialogs</c> section.</summary>
public sealed class DialogsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Dialogs";

    /// <summary>The dialogs folder. A relative path is looked up under the content root (the directory the host
    /// was started in), then next to the program (the build output links a copy).</summary>
    public string Path { get; set; } = "dialogs";

    /// <summary>The absolute folder to load, or null when neither candidate exists.</summary>
    public string? Resolve(string contentRoot)
    {
        if (System.IO.Path.IsPathRooted(Path))
        {
            return Directory.Exists(Path) ? Path : null;
        }

        foreach (var root in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, Path));
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
