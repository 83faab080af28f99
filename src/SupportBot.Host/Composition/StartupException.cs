namespace SupportBot.Host.Composition;

/// <summary>A problem that must stop start-up, with a message written for the operator (it names the
/// configuration key or the file and line to fix).</summary>
public sealed class StartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StartupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
