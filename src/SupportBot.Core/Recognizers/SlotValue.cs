namespace SupportBot.Core.Recognizers;

/// <summary>A recognized detail.</summary>
/// <param name="Value">Normalized value (time: UTC ISO-8601 "yyyy-MM-ddTHH:mm:ssZ"; txid: as the chain writes it;
/// coin/network: canonical id; screenshots: the file count).</param>
/// <param name="Display">What the bot may show back (emails and phones masked).</param>
/// <param name="Original">The user's own words when they differ from <paramref name="Value"/> (e.g. "昨天晚上九点"),
/// otherwise null (keeps stored state small).</param>
public sealed record SlotValue(string Value, string Display, string? Original = null);
