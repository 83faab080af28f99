namespace SupportBot.Dialogs;

/// <summary>One reason a dialogs folder cannot be loaded, located as precisely as the loader can.</summary>
/// <param name="File">The file, relative to the dialogs folder's parent and with forward slashes
/// (<c>dialogs/problems/deposit.yaml</c>); the folder itself (<c>dialogs</c>) when no single file is to blame.</param>
/// <param name="Line">1-based line, or 0 when the error has no position (e.g. a missing text key).</param>
/// <param name="Column">1-based column, or 0 when the error has no position.</param>
/// <param name="Reason">What is wrong, naming keys and paths but never quoting whole texts.</param>
public sealed record DialogLoadError(string File, int Line, int Column, string Reason)
{
    /// <summary>The compiler-style form <c>dialogs/problems/deposit.yaml:12:5: unknown property 'titel'</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Reason}" : $"{File}: {Reason}";
}
