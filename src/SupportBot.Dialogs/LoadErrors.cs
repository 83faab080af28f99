using YamlDotNet.Core;

namespace SupportBot.Dialogs;

/// <summary>Collects every error of one load so the operator sees them all at once.</summary>
internal sealed class LoadErrors
{
    private readonly List<DialogLoadError> _errors = [];

    /// <summary>The errors so far, in the order they were found.</summary>
    public IReadOnlyList<DialogLoadError> All => _errors;

    /// <summary>The errors grouped by file (in the order files were read) and sorted by position within a file, so
    /// an operator can walk through a file top to bottom; the schema's checks and the cross-file checks otherwise
    /// interleave.</summary>
    public IReadOnlyList<DialogLoadError> Sorted()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var error in _errors)
        {
            fileOrder.TryAdd(error.File, fileOrder.Count);
        }

        return [.. _errors.OrderBy(e => fileOrder[e.File]).ThenBy(e => e.Line).ThenBy(e => e.Column)];
    }

    /// <summary>How many errors were found.</summary>
    public int Count => _errors.Count;

    /// <summary>Adds an error at a position in <paramref name="file"/>.</summary>
    public void Add(DialogFile file, Mark at, string reason) =>
        _errors.Add(new DialogLoadError(file.Display, (int)at.Line, (int)at.Column, reason));

    /// <summary>Adds an error with no position (a missing key, a missing file).</summary>
    public void Add(string file, string reason) => _errors.Add(new DialogLoadError(file, 0, 0, reason));

    /// <summary>Adds an error at a 1-based line and column.</summary>
    public void Add(string file, int line, int column, string reason) =>
        _errors.Add(new DialogLoadError(file, line, column, reason));
}
