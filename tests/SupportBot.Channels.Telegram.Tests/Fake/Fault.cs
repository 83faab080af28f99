namespace SupportBot.Channels.Telegram.Tests.Fake;

/// <summary>A failure the fake injects into the next matching call(s).</summary>
public sealed record Fault(string Method, int ErrorCode, string Description)
{
    public int? RetryAfter { get; init; }

    public long? MigrateToChatId { get; init; }

    /// <summary>Never answer: the client's timeout must fire.</summary>
    public bool Hang { get; init; }

    /// <summary>Drop the connection without an answer: the client sees a network failure.</summary>
    public bool Drop { get; init; }

    /// <summary>Only calls for this chat.</summary>
    public long? ChatId { get; init; }

    /// <summary>Only calls whose parameters pass this.</summary>
    public Func<System.Text.Json.Nodes.JsonObject, bool>? Match { get; init; }

    public int Times { get; set; } = 1;

    public static Fault TooManyRequests(string method, int retryAfter) =>
        new(method, 429, "Too Many Requests: retry after " + retryAfter) { RetryAfter = retryAfter };

    public static Fault ServerError(string method) => new(method, 500, "Internal Server Error");

    public static Fault Blocked(string method = "sendMessage") => new(method, 403, "Forbidden: bot was blocked by the user");

    public static Fault Timeout(string method) => new(method, 0, "") { Hang = true };

    public static Fault Dropped(string method) => new(method, 0, "") { Drop = true };
}
