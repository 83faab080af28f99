namespace SupportBot.Storage.Attachments;

/// <summary>Where user files are kept (configuration section <c>Storage:Attachments</c>).</summary>
public sealed class AttachmentStoreOptions
{
    /// <summary>The default folder, relative to the content root.</summary>
    public const string DefaultPath = "data/attachments";

    /// <summary>The default size limit: 10 MiB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The folder. A relative path is resolved against the host's content root (the current directory when
    /// there is no host); the folder is created when the first file is saved.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>The largest file kept, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
