using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Testing;
using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.Api;

/// <summary>Issue 11, finding 8: wrong API keys are throttled per address and logged aggregated, one warning per
/// address per minute with a count, not one line per request.</summary>
public class ApiKeyThrottleTests
{
    [Fact]
    public async Task WrongKeysFromOneAddressAreRefusedWith429AfterTheLimit_AndLoggedOncePerMinuteWithACount()
    {
        var time = new ManualTimeProvider();
        var logs = new Lines();
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Api:Keys:0:Name"] = ApiHost.KeyName, ["Api:Keys:0:Key"] = ApiHost.Key },
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(time);
                builder.Logging.AddProvider(logs);
            },
            TestContext.Current.CancellationToken);
        using var wrong = host.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key-000000000000");
        using var right = host.CreateClient();
        right.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.Key);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await wrong.GetAsync("api/tickets", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Single(logs.Warnings("unknown key"));

        // After the minute the address may try again; the log then says how many came after the first line.
        time.Advance(TimeSpan.FromSeconds(61));
        using (var again = await wrong.GetAsync("api/tickets", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        }

        Assert.Contains(logs.Warnings("unknown key"), l => l.Contains("9 more", StringComparison.Ordinal));
        Assert.Equal(3, logs.Warnings("unknown key").Count);
        Assert.DoesNotContain(logs.Warnings(""), l => l.Contains("not-the-key", StringComparison.Ordinal));

        // The right key is never throttled by the wrong ones.
        using var ok = await right.GetAsync("api/tickets", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    private sealed class Lines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public List<string> Warnings(string containing) => [.. _lines
            .Where(l => l.Level == LogLevel.Warning && l.Text.Contains(containing, StringComparison.Ordinal)).Select(l => l.Text)];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
