using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Channels.Discord.Tests.Fakes;

/// <summary>Every log line the host wrote (message and exception text), to check what was said and that no secret was.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue(logLevel + ": " + formatter(state, exception) + (exception is null ? "" : " | " + exception));
    }
}
