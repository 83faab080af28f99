namespace SupportBot.Dialogs;

/// <summary>A file under the dialogs folder and the two names it goes by.</summary>
/// <param name="FullPath">Absolute path, for reading.</param>
/// <param name="Relative">Relative to the dialogs folder (<c>problems/deposit.yaml</c>), as the model records
/// it.</param>
/// <param name="Display">Prefixed with the folder's own name (<c>dialogs/problems/deposit.yaml</c>), for
/// errors.</param>
internal sealed record DialogFile(string FullPath, string Relative, string Display);
