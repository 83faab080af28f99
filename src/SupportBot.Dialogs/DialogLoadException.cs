namespace SupportBot.Dialogs;

/// <summary>The dialogs folder is broken; <see cref="Errors"/> lists every problem found, not just the first, so an
/// operator can fix them all in one go.</summary>
public sealed class DialogLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> (at least one).</summary>
    public DialogLoadException(IReadOnlyList<DialogLoadError> errors)
        : base(BuildMessage(errors)) => Errors = errors;

    /// <summary>Creates the exception with a message only (no located errors).</summary>
    public DialogLoadException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a single unlocated reason.</summary>
    public DialogLoadException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a single unlocated reason and its cause.</summary>
    public DialogLoadException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Every error, in file order.</summary>
    public IReadOnlyList<DialogLoadError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<DialogLoadError> errors) =>
        errors.Count == 0
            ? "The dialogs could not be loaded."
            : $"The dialogs have {errors.Count} error(s):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
