namespace SupportBot.Core.Storage;

/// <summary>Creates the data folder and its files readable by the service's own user only (0700 folders, 0600
/// files): the databases hold transcripts, tickets and the token signing key, the attachments folder users'
/// screenshots. A file created here first makes SQLite create its <c>-wal</c>, <c>-shm</c> and <c>-journal</c> files
/// with the same mode. Folders that already exist are left as they are (they may be the operator's); our own files
/// that exist are tightened. On Windows the ACLs of the folder apply and nothing is changed.</summary>
public static class OwnerOnlyFiles
{
    /// <summary>rwx for the owner.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="folder"/> (and missing parents) owner-only when it does not exist.</summary>
    public static void CreateFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>Creates the empty file <paramref name="path"/> owner-only when it does not exist (its folder with
    /// <see cref="CreateFolder"/>), or takes group and other access away from it (and from its SQLite companions
    /// <c>-wal</c>, <c>-shm</c>, <c>-journal</c>) when it does.</summary>
    public static void PrepareFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        CreateFolder(Path.GetDirectoryName(full)!);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(full, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(full))
        {
        }

        foreach (var file in (string[])[full, full + "-wal", full + "-shm", full + "-journal"])
        {
            Tighten(file);
        }
    }

    /// <summary>Options for writing a new owner-only file.</summary>
    public static FileStreamOptions NewFile(int bufferSize, FileOptions options)
    {
        var created = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = bufferSize,
            Options = options,
        };
        if (!OperatingSystem.IsWindows())
        {
            created.UnixCreateMode = FileMode;
        }

        return created;
    }

    private static void Tighten(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file))
        {
            return;
        }

        try
        {
            var mode = File.GetUnixFileMode(file);
            if ((mode & GroupAndOthers) != 0)
            {
                File.SetUnixFileMode(file, mode & ~GroupAndOthers);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's file that we may still use: leave it to its owner.
        }
    }
}
