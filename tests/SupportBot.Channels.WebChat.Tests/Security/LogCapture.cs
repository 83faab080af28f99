using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Channels.WebChat.Tests.Security;

/// <summary>Keeps every log line the host writes (message, exception and scopes' text), to search them.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => [.. _lines];

    public string All => string.Join("\n", _lines.Select(l => l.Category + ": " + l.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
        }
    }
}
