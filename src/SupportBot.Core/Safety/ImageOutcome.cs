namespace SupportBot.Core.Safety;

/// <summary>What happens to an inspected attachment.</summary>
public enum ImageOutcome
{
    /// <summary>Read and clean: kept.</summary>
    Clean,

    /// <summary>It shows a secret: not kept, not shown, the user warned.</summary>
    Secret,

    /// <summary>Its text could not be read (decoding or OCR failed or timed out): kept and marked "not checked".</summary>
    NotChecked,

    /// <summary>Not an image (a PDF, say): kept as before; nothing was read.</summary>
    NotAnImage,
}
