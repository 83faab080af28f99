using SupportBot.Core.Catalog;

namespace SupportBot.Core.Recognizers;

/// <summary>What a recognizer may look at besides the user's message.</summary>
/// <param name="Detail">The detail being recognized (pattern, limits).</param>
/// <param name="Now">The current time (from the engine's TimeProvider).</param>
/// <param name="TimeZone">The configured time zone relative and local times are read in.</param>
/// <param name="Locale">The conversation's locale.</param>
/// <param name="Filled">Details already gathered in this flow, by detail id (e.g. the network, for an address).</param>
public sealed record RecognizerContext(
    DetailDefinition Detail,
    DateTimeOffset Now,
    TimeZoneInfo TimeZone,
    string Locale,
    IReadOnlyDictionary<string, SlotValue> Filled);
