namespace SupportBot.Channels.Discord.Tests.Fakes;

/// <summary>An answer the fake gives instead of the normal one, once, to the next call of a route.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Code">Discord JSON error code, if any.</param>
/// <param name="RetryAfterSeconds">For 429: the wait.</param>
/// <param name="Global">For 429: a global limit.</param>
public sealed record ScriptedFailure(int Status, int? Code = null, double? RetryAfterSeconds = null, bool Global = false);
